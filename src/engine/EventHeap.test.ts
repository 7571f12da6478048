import { EventHeap } from "./EventHeap.js";
import { describeEventQueue } from "./testing/queueConformance.js";

describeEventQueue("EventHeap", (cap) => {
  const h = new EventHeap(cap);
  return {
    get size() {
      return h.size;
    },
    push: (t, s, slot) => h.push(t, s, slot),
    pop: () => h.pop(),
    peekTime: () => h.time[0]!,
    peekSeq: () => h.seq[0]!,
    clear: () => h.clear(),
  };
});
