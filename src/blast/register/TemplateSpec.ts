/** A column the importer reads: its field name and the header names accepted for it (lower case). */
export interface ColumnSpec {
  readonly field: string;
  /** Accepted headers: the column code first (`c0010`), then readable names. The file's header wins. */
  readonly headers: readonly string[];
  readonly required: boolean;
  /**
   * The column holds an LEI: `true` when it always does (an entity's LEI), or the field of its "type of code" column
   * when it does only where that column says LEI (a provider's identification code). Checked with isValidLei.
   */
  readonly lei?: true | string;
}

/** How one template is read: its columns and the columns forming its key. */
export interface TemplateSpec {
  readonly code: string;
  readonly columns: readonly ColumnSpec[];
  readonly key: readonly string[];
  /** Key fields that may be empty (where the ITS says "not applicable", such as the recipient of a rank-1 row). */
  readonly emptyKey?: readonly string[];
}

/** A column spec (builder shared by the layouts' tables); `required` defaults to true. */
export const col = (field: string, headers: string[], required = true, lei?: true | string): ColumnSpec => ({
  field,
  headers,
  required,
  ...(lei !== undefined ? { lei } : {}),
});
