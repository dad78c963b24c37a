import { everyPageHasNoViolations } from "./a11y-every-page";

everyPageHasNoViolations("phone");
