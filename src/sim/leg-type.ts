/** Kinds of leg of a simulated trip (kept apart from the plan builder, so worker threads load little). */
export const LegType = { link: 0, crossing: 1, service: 2, transshipment: 3 } as const;
export type LegTypeValue = (typeof LegType)[keyof typeof LegType];
