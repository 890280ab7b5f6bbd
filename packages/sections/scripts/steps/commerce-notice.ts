// The build's one line about selling: which variables a commerce provider still needs (its product
// pages show a notice instead of the buy control until they are set).
import { loadLocalEnv } from "@repo/content";
import { buy } from "../../src/commerce.ts";

loadLocalEnv();
const missing = buy.missing();
if (missing.length) console.log(`commerce: ${missing.join(" and ")} not set: product pages say ${buy.name} checkout is not set up (see README, Commerce).`);
else console.log(`commerce: ${buy.name} checkout is on.`);
