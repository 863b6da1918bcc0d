import { prepareRuntime } from "@/lib/database/prepare-runtime";

const runtime = await prepareRuntime({ log: (line) => console.log(line) });
console.log("Database is up to date.");
await runtime.stop();
