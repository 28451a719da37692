import { describe, expect, it } from "vitest";
import { assignableRoles, can, PERMISSION_LABELS, PERMISSIONS, ROLES } from "@/lib/auth/permissions";

describe("permission matrix", () => {
  it("orders roles so that each holds every permission of the roles below it", () => {
    for (const [index, role] of ROLES.entries()) {
      for (const lower of ROLES.slice(index + 1)) {
        for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
          if (can(lower, permission)) expect(can(role, permission), `${role} should hold ${permission}`).toBe(true);
        }
      }
    }
  });

  it("keeps viewers read-only and operators out of member management", () => {
    expect(can("viewer", "status.write")).toBe(false);
    expect(can("operator", "status.write")).toBe(true);
    expect(can("operator", "members.manage")).toBe(false);
    expect(can("admin", "team.manage")).toBe(false);
  });

  it("lets only owners hand out the owner role", () => {
    expect(assignableRoles("owner")).toContain("owner");
    expect(assignableRoles("admin")).toEqual(["admin", "operator", "viewer"]);
    expect(assignableRoles("operator")).toEqual([]);
  });

  it("labels every permission for refusal messages", () => {
    expect(Object.keys(PERMISSION_LABELS).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });
});
