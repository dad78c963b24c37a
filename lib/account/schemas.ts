import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "@/lib/users/schemas";

export const profileSchema = z.object({
  name: nameSchema,
  // An avatar is a picture on the web: https only, shown as an <img> (never as markup).
  image: z
    .string()
    .trim()
    .max(2000, "Use a shorter picture address.")
    .refine((v) => v === "" || /^https:\/\/[^\s"'<>]+$/i.test(v), "Use a picture address starting with https://.")
    .transform((v) => v || null)
    // Left out: the picture stays as it is (an uploaded one has no address to send back).
    .optional(),
});
export type ProfileInput = z.input<typeof profileSchema>;

export const passwordChangeSchema = z.object({
  /** Required when the account already has a password. */
  current: z.string().max(200).optional(),
  password: passwordSchema,
});
export type PasswordChangeInput = z.input<typeof passwordChangeSchema>;

export const emailChangeSchema = z.object({ email: emailSchema });
export type EmailChangeInput = z.input<typeof emailChangeSchema>;

export const deleteAccountSchema = z.object({ confirm: z.string().trim().toLowerCase().max(254) });
