// Creates the demo user and team for `npm run dev` (idempotent), links demo shops on the sandbox, and prints how to
// sign in.
import { hashPassword } from "../lib/auth/passwords";
import { closeDb, db } from "../lib/db";
import { linkDemoShops } from "./demo-shops";

export const DEMO = { email: "demo@example.com", password: "stallkeeper-demo", name: "Demo Seller", team: "Demo Team", slug: "demo" };

async function main() {
  const prisma = db();
  const user =
    (await prisma.user.findUnique({ where: { email: DEMO.email } })) ??
    (await prisma.user.create({ data: { email: DEMO.email, name: DEMO.name, passwordHash: await hashPassword(DEMO.password) } }));
  const team = await prisma.team.upsert({ where: { slug: DEMO.slug }, update: {}, create: { slug: DEMO.slug, name: DEMO.team } });
  await prisma.membership.upsert({
    where: { teamId_userId: { teamId: team.id, userId: user.id } },
    update: {},
    create: { teamId: team.id, userId: user.id, role: "owner" },
  });
  const shops = await linkDemoShops(user.id, team.id);
  if (shops.length) console.log(`Linked demo shops on the sandbox: ${shops.join(", ")}`);
  console.log(`Demo sign-in: ${DEMO.email} / ${DEMO.password} (team "${DEMO.team}")`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);
