//! certscope's own grade: the Observatory's score, then stricter deductions it does not make.

use serde::Serialize;

use super::observatory;
use crate::{Finding, Severity};

/// One deduction beyond the Observatory's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deduction {
    /// The finding id it comes from.
    pub id: &'static str,
    /// Points taken off.
    pub points: i32,
    /// The finding's title.
    pub reason: String,
}

/// certscope's grade for a site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Grade {
    /// Score after deductions (same scale as the Observatory's).
    pub score: i32,
    /// Letter grade on the Observatory's chart.
    pub grade: &'static str,
    /// The Observatory score it starts from.
    pub observatory_score: i32,
    /// What was taken off, and why.
    pub deductions: Vec<Deduction>,
}

/// Fixed deductions for things the Observatory does not score.
fn stricter(id: &str) -> Option<i32> {
    match id {
        "header.permissions-policy-missing"
        | "cookie.no-prefix"
        | "header.info-leak"
        | "header.coop-missing" => Some(5),
        _ => None,
    }
}

pub(crate) fn grade(observatory_score: i32, findings: &[Finding]) -> Grade {
    let mut deductions: Vec<Deduction> = Vec::new();
    for f in findings {
        if f.observatory.is_some() || deductions.iter().any(|d| d.id == f.id) {
            continue;
        }
        let points = stricter(f.id).or(match f.severity {
            Severity::Error => Some(10),
            Severity::Warning => Some(5),
            Severity::Info => None,
        });
        if let Some(points) = points {
            deductions.push(Deduction {
                id: f.id,
                points,
                reason: f.title.clone(),
            });
        }
    }
    let taken: i32 = deductions.iter().map(|d| d.points).sum();
    let score = observatory_score.saturating_sub(taken).max(0);
    Grade {
        score,
        grade: observatory::grade(score),
        observatory_score,
        deductions,
    }
}
