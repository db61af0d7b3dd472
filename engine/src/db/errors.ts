// Typed database errors. Adapters translate driver errors into these so repos and the API can
// react to meaning (conflict, outage) instead of to SQLSTATE codes of one driver.

/** Base class of every error the persistence layer throws on purpose. */
export class DbError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A UNIQUE or PRIMARY KEY constraint rejected a write (SQLSTATE 23505). */
export class UniqueViolation extends DbError {
  constructor(
    readonly constraint: string,
    options?: ErrorOptions,
  ) {
    super(`unique constraint "${constraint}" violated`, options);
  }
}

/** The database cannot be reached or refused the connection; the API answers 503. */
export class DbUnavailable extends DbError {}

/** A row the operation needs does not exist in the caller's organisation. */
export class NotFound extends DbError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/** Input that can never be stored (for example a seat index outside the event's map). */
export class InvalidInput extends DbError {}
