// Starts GOV.UK Frontend's components (the layout names the module to load, so its version lives in one place).
const frontend = document.querySelector('script[data-govuk-frontend]').dataset.govukFrontend;
import(frontend).then((govuk) => govuk.initAll());
