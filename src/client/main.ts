import { initAll } from "nhsuk-frontend";

// nhsuk-frontend's module runs nothing by itself: the header menu, skip link and
// buttons need their behaviour switched on.
initAll();
