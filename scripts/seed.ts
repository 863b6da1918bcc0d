import { prepareRuntime } from "@/lib/database/prepare-runtime";

const runtime = await prepareRuntime({ log: (line) => console.log(line) });
const { db } = await import("@/lib/db");
const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
const seeded = await seedDemoData(db);
console.log(seeded ? "Seeded the demo data." : "The database already has data; nothing seeded.");
await db.$disconnect();
await runtime.stop();
