//! STS sessions: AssumeRole and its siblings, chaining, tags, limits, errors.
