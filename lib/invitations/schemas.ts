import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { emailSchema } from "@/lib/users/schemas";

export const INVITATION_TTL_DAYS = 7;

export const createInvitationSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLES, { error: "Choose owner, admin, member or viewer." }).default("member"),
});
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;
