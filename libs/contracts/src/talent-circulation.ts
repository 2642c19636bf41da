/**
 * Talent circulation: trained workers moving between member firms, the
 * partnership's answer to poaching. Counts only, never a person.
 */
export interface TalentCirculationFirm {
  organisationId: string;
  organisationName: string;
  /** workers hired in the year (employments that started), trained or not */
  hires: number;
  /** of those, workers who came from another member firm and had completed training paid by a member other than this firm */
  receivedTrained: number;
  /** workers this firm had trained who left in the year for another member firm */
  lostTrained: number;
}

export interface TalentCirculation {
  year: number;
  /** the reader's own firm (firm people), every member (staff), or none */
  firms: TalentCirculationFirm[];
  /** the consortium's figures, or why they are withheld from this reader */
  consortium: {
    hires: number | null;
    trainedMoves: number | null;
    /** share of hires that came trained by another member, 0–1 (null when withheld or no hires) */
    shareHiredTrained: number | null;
    /** firms that hired in the year: a count, shown with the figures */
    hiringFirms: number | null;
    withheld: 'fewer_than_k' | 'dominated' | null;
    withheldMessage: string | null;
  };
}
