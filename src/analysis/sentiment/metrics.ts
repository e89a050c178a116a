// Classification metrics used by the training and benchmark tools. Macro
// averages weight each class equally, matching SemEval's official metric.

export interface ClassMetrics {
  macroF1: number;
  macroRecall: number;
  accuracy: number;
}

/**
 * Compare gold and predicted class ids (0..classes-1). `balanced` weights each
 * example by 1 / its class size, i.e. scores as if the classes were equally
 * common: a prior-free view for picking hyper-parameters when the evaluation
 * class mix differs from the tuning set's.
 */
export function computeMetrics(
  gold: readonly number[], predicted: readonly number[], classes = 3, balanced = false,
): ClassMetrics {
  const goldCount = countClasses(gold, classes);
  const tp = new Array<number>(classes).fill(0);
  const goldMass = new Array<number>(classes).fill(0);
  const predMass = new Array<number>(classes).fill(0);
  let correct = 0;
  let total = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? -1;
    const w = balanced ? 1 / (goldCount[g] ?? 1) : 1;
    goldMass[g] = (goldMass[g] ?? 0) + w;
    predMass[p] = (predMass[p] ?? 0) + w;
    total += w;
    if (g === p) {
      tp[g] = (tp[g] ?? 0) + w;
      correct += w;
    }
  });
  let f1Sum = 0;
  let recallSum = 0;
  for (let c = 0; c < classes; c++) {
    const t = tp[c] ?? 0;
    const recall = t / Math.max(goldMass[c] ?? 0, Number.MIN_VALUE);
    const precision = t / Math.max(predMass[c] ?? 0, Number.MIN_VALUE);
    recallSum += recall;
    f1Sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return { macroF1: f1Sum / classes, macroRecall: recallSum / classes, accuracy: correct / Math.max(total, Number.MIN_VALUE) };
}

function countClasses(labels: readonly number[], classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const l of labels) counts[l] = (counts[l] ?? 0) + 1;
  return counts;
}
