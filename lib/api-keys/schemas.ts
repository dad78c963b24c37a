import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const createApiKeySchema = z.object({
  name: z.string({ error: "Name the key after what will use it." }).trim().min(1, "Name the key after what will use it.").max(60, "Use at most 60 characters."),
  role: z.enum(ROLES.filter((r) => r !== "owner") as ["admin", "member", "viewer"], { error: "Choose admin, member or viewer." }).default("member"),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
