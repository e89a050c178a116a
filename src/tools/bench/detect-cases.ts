import type { Scenario } from '../scenarios/generate.js';
import { bankOutageScenario, earbudDefectScenario, granolaQualityScenario } from '../scenarios/complaints.js';
import { petitionScenario, quietScenario, slowGrowthScenario, smallNewIssueScenario, spamOnlyScenario } from '../scenarios/others.js';
import { frenchRebootScenario, germanMealKitScenario, spanishShippingScenario, swissFlickerScenario } from '../scenarios/languages.js';
import { ebikeChargerScenario, potteryControlScenario } from '../scenarios/held-out.js';
import { teaDemoScenario } from '../scenarios/tea.js';
import { dogFoodIllnessScenario, nightLightHeatScenario } from '../scenarios/unseen-harm.js';
import { broadbandSlowBurnScenario, gameLaunchControlScenario, smartLockSarcasmScenario } from '../scenarios/unseen.js';

/** A scenario to replay: the problem's stream (its authors are named after it) and the words that name its issue; none for a control. */
export interface DetectCase {
  name: string;
  make: (end: Date) => Scenario;
  problem?: { stream: string; terms: RegExp };
  /** Written before tuning and never tuned on: reported apart (scenarios/held-out.ts). */
  heldOut?: boolean;
}

export const DETECT_CASES: DetectCase[] = [
  { name: 'tea bags: plastic', make: teaDemoScenario, problem: { stream: 'plastic', terms: /plastic/ } },
  { name: 'phone battery, slow growth', make: slowGrowthScenario, problem: { stream: 'battery', terms: /battery|drain/ } },
  { name: 'bank login error 503, small', make: smallNewIssueScenario, problem: { stream: 'login', terms: /error|login|503/ } },
  { name: 'earbud case after firmware', make: earbudDefectScenario, problem: { stream: 'case', terms: /firmware|charge|case|bud|orange/ } },
  { name: 'granola tastes of soap', make: granolaQualityScenario, problem: { stream: 'soap', terms: /soap|recipe|hard|batch|l2291|tooth/ } },
  { name: 'bank app logs people out', make: bankOutageScenario, problem: { stream: 'outage', terms: /processing|transfer|pending|logging|screen|balance/ } },
  { name: 'night light overheats (unseen)', make: nightLightHeatScenario, problem: { stream: 'heat', terms: /hot|plastic|melt|burn|scorch/ } },
  { name: 'smart lock locks out (unseen)', make: smartLockSarcasmScenario, problem: { stream: 'lockout', terms: /update|locksmith|firmware|front door/ } },
  { name: 'broadband drop-outs (unseen)', make: broadbandSlowBurnScenario, problem: { stream: 'dropouts', terms: /connection|drop|evening|disconnect/ } },
  { name: 'dog food makes dogs sick (unseen)', make: dogFoodIllnessScenario, problem: { stream: 'sick', terms: /sick|vomit|vet|ill|diarrh|threw/ } },
  { name: 'shop stops shipping (Spanish)', make: spanishShippingScenario, problem: { stream: 'envio', terms: /envío|pedido|seguimiento|paquete/ } },
  { name: 'boxes restart by themselves (French)', make: frenchRebootScenario, problem: { stream: 'redemarre', terms: /redémarr|mise à jour/ } },
  { name: 'meal kits arrive warm (German)', make: germanMealKitScenario, problem: { stream: 'kuehlung', terms: /k[üu]hlakku|geschmolzen|warm|k[üu]hlung/ } },
  { name: 'lamp flickers (French and German)', make: swissFlickerScenario, problem: { stream: 'flackern', terms: /aurora|clignot|flacker/ } },
  { name: 'coffee machine petition', make: petitionScenario, problem: { stream: 'petition', terms: /warranty|pump|repair/ } },
  { name: 'control: games launch', make: gameLaunchControlScenario },
  { name: 'control: spam only', make: spamOnlyScenario },
  { name: 'control: quiet week', make: quietScenario },
  { name: 'held out: e-bike charger', make: ebikeChargerScenario, problem: { stream: 'charger', terms: /charg|orange|blink|batter/ }, heldOut: true },
  { name: 'held out control: pottery sale', make: potteryControlScenario, heldOut: true },
];
