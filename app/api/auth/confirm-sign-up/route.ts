import { confirmSignUpAndContinue } from "@/lib/users/sign-up-confirmation";

// The sign-up page's "Confirm and sign in" (a plain form POST, no script needed).
export const POST = (req: Request) => confirmSignUpAndContinue(req);
