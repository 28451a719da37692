#!/bin/sh
echo "The Prisma schema engine is not available offline. Migrations are plain SQL: see 'npm run db:new-migration' in the README." >&2
exit 1
