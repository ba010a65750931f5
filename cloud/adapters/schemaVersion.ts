/**
 * What every store engine says when a database's schema is newer than the migrations this code knows (a newer
 * Gongzhi migrated it): it refuses to open it rather than run old queries on a schema it does not know.
 */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
    where: string,
  ) {
    super(
      `the database ${where} has schema version ${found}, newer than this version of Gongzhi knows (${known}): ` +
        'run the Gongzhi that migrated it, or restore a backup taken for this version',
    )
    this.name = 'SchemaTooNewError'
  }
}
