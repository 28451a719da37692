// GET /me: who the token belongs to.
import { jsonReply } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import { MEDIA_TYPE, SCOPES } from "./profile";
import { forUser } from "./session";

export function accountRoutes(context: PlatformContext): Route[] {
  return [
    {
      method: "GET",
      path: "/me",
      handle: forUser(context, SCOPES.profileRead, (_request, { seller }) =>
        jsonReply(
          200,
          {
            id: seller.id,
            login: seller.login,
            firstName: seller.owner.firstName,
            lastName: seller.owner.lastName,
            email: seller.email,
            company: { name: seller.shopName },
          },
          MEDIA_TYPE,
        ),
      ),
    },
  ];
}
