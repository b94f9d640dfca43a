import { initAll } from "nhsuk-frontend";
import { keepHeaderFocus } from "./header-focus.ts";

// nhsuk-frontend's page template sets these classes with an inline script at the top of
// the body. The strict CSP forbids inline scripts, and a script file there would block
// rendering, so this deferred module sets them just before it starts the components.
document.body.className += ` js-enabled${"noModule" in HTMLScriptElement.prototype ? " nhsuk-frontend-supported" : ""}`;

// nhsuk-frontend's module runs nothing by itself: the header menu, skip link and
// buttons need their behaviour switched on. The header's focus keeper goes first: see its comment.
keepHeaderFocus();
initAll();
