// Starts GOV.UK Frontend's components. Every page works without this.
import { initAll } from "../build/govuk-frontend.min.js";

initAll();
