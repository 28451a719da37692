import { Notice } from "@/components/ui/notice";

/** Inside a team: a shop, job or other record the address names is not this team's, or no longer exists. */
export default function TeamNotFound() {
  return (
    <Notice tone="warning" title="Not found in this team" testId="not-found">
      The shop or record this address names does not exist in this team: it may have been unlinked or removed, or the
      address was edited. Use the menu to find what you are looking for.
    </Notice>
  );
}
