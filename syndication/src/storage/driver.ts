// The little SQL surface the store needs, implemented by SQLite (node:sqlite) and PostgreSQL (pg).
// Statements use `?` placeholders; the PostgreSQL driver numbers them.

export interface SqlExecutor {
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: 'sqlite' | 'postgres'
  /** Column definition of an auto-incrementing integer primary key. */
  readonly autoId: string
  /** Runs `fn` in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>
  close(): Promise<void>
}
