package dev.matchplane.matching.rules;

/**
 * How far apart a match's parties are on the attribute of its rule set's first distance rule (the one candidates
 * are chosen by): the highest party value minus the lowest, each party's value formed as the attribute says (avg,
 * min or max of its members). Operators read it to see how close the matches the rules allow really are.
 */
public record SkillSpread(String attribute, double value) {
}
