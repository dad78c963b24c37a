// Worker thread bootstrap: worker threads start without the parent's TypeScript
// loader, so register tsx here, then run the TypeScript entry.
import { register } from "tsx/esm/api";

register();
await import("./click-thread.ts");
