// nhsuk-frontend's page template sets these classes with an inline script; a strict
// Content Security Policy forbids inline scripts, so the same line lives in this file.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " nhsuk-frontend-supported" : "");
