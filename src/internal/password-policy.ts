/** The minimum length of a new password when an element sets none. */
const DEFAULT_MIN_LENGTH = 8;

let pageMinLength = DEFAULT_MIN_LENGTH;

export function defaultPasswordMinLength(): number {
  return pageMinLength;
}

/** Sets the page-wide minimum (the CDN's `init` option); an unusable value restores the default. */
export function setDefaultPasswordMinLength(count: number | undefined): void {
  pageMinLength =
    count !== undefined && Number.isInteger(count) && count > 0 ? count : DEFAULT_MIN_LENGTH;
}
