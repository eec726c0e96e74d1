import { randomUUID } from "node:crypto";
import { maskFreeText } from "./mask-free-text.ts";

/**
 * A new random id that the masking leaves as it is. Every string of a client frame is masked at the
 * boundary, ids included, and about one random UUID in three hundred holds a Luhn-valid run of 13 to 19
 * digits across its dashes ("a1808979-4483-407d-…"): the client would send such an id back as a card
 * placeholder, and every request naming it would find nothing. So an id the client will send back is
 * drawn again until masking would not touch it (one more draw in three hundred).
 */
export function newUnmaskedId(draw: () => string = randomUUID): string {
  for (;;) {
    const id = draw();
    if (maskFreeText(id).text === id) return id;
  }
}
