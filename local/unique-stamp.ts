/**
 * A time-ordered stamp for the ids of demo, test and bench users: the time in base 36, so no id holds
 * a long run of digits. Every string of a client frame is masked at the boundary, and a millisecond
 * timestamp is a Luhn-valid 13-digit number about one time in ten: an id holding one, named in a frame
 * (`inviteToChat` with an `agentId`), would arrive as a card placeholder and match nobody.
 */
export const uniqueStamp = (): string => Date.now().toString(36);
