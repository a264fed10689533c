/** The levels of the organisation tree, from the company down to a team. */
export const UNIT_KINDS = ['company', 'plant', 'area', 'office', 'central_station', 'station', 'team'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]
