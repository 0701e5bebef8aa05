//! The keys AWS derives for every request, in groups, and which groups a policy reads.
//!
//! Every request carries a dozen keys derived from its time and transport, its caller and its
//! resource (`aws:CurrentTime`, `aws:PrincipalArn`, `aws:ResourceAccount`, ...). A brief
//! explanation (a closed request on the page) shows no context, so of these only the groups some
//! policy of the world reads need making: the rest were made, never looked at and dropped, a
//! sixth of the work of a closed AssumeRole. A full explanation shows the whole context, so it
//! makes them all.

use std::cmp::Ordering;
use std::ops::BitOr;

use super::context::caseless_cmp;

/// A set of groups of derived keys; the keys of a group are made together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DerivedKeys(u8);

impl DerivedKeys {
    pub const NONE: DerivedKeys = DerivedKeys(0);
    /// `aws:CurrentTime`, `aws:EpochTime`, `aws:SecureTransport`, `aws:ViaAWSService`.
    pub const REQUEST: DerivedKeys = DerivedKeys(1);
    /// `aws:Principal*` (`aws:PrincipalArn`, `aws:PrincipalType`, `aws:PrincipalOrgID`, ...) and
    /// `aws:user*` (`aws:username`, `aws:userid`).
    pub const CALLER: DerivedKeys = DerivedKeys(2);
    /// `aws:Resource*`: `aws:ResourceAccount`, `aws:ResourceOrgID`, `aws:ResourceOrgPaths`,
    /// `aws:ResourceTag/*`.
    pub const RESOURCE: DerivedKeys = DerivedKeys(4);
    pub const ALL: DerivedKeys = DerivedKeys(u8::MAX);

    /// Whether any group of `groups` is in this set.
    pub fn has(self, groups: DerivedKeys) -> bool {
        self.0 & groups.0 != 0
    }

    /// The group a condition key belongs to, by its name without case, as AWS compares keys.
    /// A group named by a prefix takes in a few keys it does not make (`aws:PrincipalTag/*`,
    /// `aws:userAgent`): reading them makes the group's keys for nothing, which is harmless.
    pub fn of_key(key: &str) -> DerivedKeys {
        let same = |a: &str, b: &str| caseless_cmp(a, b) == Ordering::Equal;
        let starts = |prefix: &str| key.get(..prefix.len()).is_some_and(|k| same(k, prefix));
        if starts("aws:principal") || starts("aws:user") {
            DerivedKeys::CALLER
        } else if starts("aws:resource") {
            DerivedKeys::RESOURCE
        } else if REQUEST_KEYS.iter().any(|k| same(k, key)) {
            DerivedKeys::REQUEST
        } else {
            DerivedKeys::NONE
        }
    }
}

const REQUEST_KEYS: [&str; 4] = [
    "aws:CurrentTime",
    "aws:EpochTime",
    "aws:SecureTransport",
    "aws:ViaAWSService",
];

impl BitOr for DerivedKeys {
    type Output = DerivedKeys;
    fn bitor(self, other: DerivedKeys) -> DerivedKeys {
        DerivedKeys(self.0 | other.0)
    }
}

/// A context made by itself derives every key.
impl Default for DerivedKeys {
    fn default() -> Self {
        DerivedKeys::ALL
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_grouped_without_case() {
        use DerivedKeys as K;
        let cases = [
            ("AWS:currenttime", K::REQUEST),
            ("aws:ViaAWSService", K::REQUEST),
            ("aws:PrincipalOrgPaths", K::CALLER),
            ("aws:userid", K::CALLER),
            ("aws:resourcetag/Team", K::RESOURCE),
            ("aws:MultiFactorAuthPresent", K::NONE),
            ("aws:RequestTag/team", K::NONE),
            ("s3:prefix", K::NONE),
            ("aws:CurrentTimeX", K::NONE),
            ("aws:ré", K::NONE),
        ];
        for (key, group) in cases {
            assert_eq!(DerivedKeys::of_key(key), group, "{key}");
        }
    }

    #[test]
    fn a_set_has_what_was_put_in_it() {
        let set = DerivedKeys::REQUEST | DerivedKeys::RESOURCE;
        assert!(set.has(DerivedKeys::REQUEST) && set.has(DerivedKeys::RESOURCE));
        assert!(!set.has(DerivedKeys::CALLER));
        assert!(!DerivedKeys::NONE.has(DerivedKeys::ALL));
        assert!(DerivedKeys::default().has(DerivedKeys::CALLER));
    }
}
