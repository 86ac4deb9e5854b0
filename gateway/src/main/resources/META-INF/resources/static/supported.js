// GOV.UK Frontend's components enhance themselves only where scripts run (every page works without them).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
