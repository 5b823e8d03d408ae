//! The import's output: the notice entry of a complete report, and the file
//! with the entry merged in (validated as a whole).

use super::{ImportReport, ImportedArea};
use crate::notices::{
    AreaDoc, DisasterDoc, NoticeDoc, NoticeFile, NoticeSet, PartDoc, Problem, RemarkDoc, RemarkKind, RuleDoc, RuleKind,
};
use crate::sort;

/// The notice entry of a complete report
pub(super) fn entry(r: &ImportReport) -> Option<NoticeDoc> {
    let number = r.number?;
    let until = r.period.until.clone()?;
    let disaster = r.disaster_id.clone()?;
    let mut rules = Vec::new();
    // One rule per kind and start: areas added at their own 追記 time start
    // then, the others at the period's start
    let mut groups: Vec<(RuleKind, Option<String>)> = Vec::new();
    for a in &r.areas {
        let Some(kind) = a.newness.kind() else { continue };
        let from = if kind == RuleKind::Add { a.from.clone().or_else(|| r.period.from.clone()) } else { None };
        if !groups.contains(&(kind, from.clone())) {
            groups.push((kind, from));
        }
    }
    sort::sort_by_key(&mut groups, |(kind, from)| (*kind == RuleKind::Add, from.clone()));
    for (kind, from) in groups {
        let group: Vec<&ImportedArea> = r
            .areas
            .iter()
            .filter(|a| a.newness.kind() == Some(kind))
            .filter(|a| kind != RuleKind::Add || a.from.clone().or_else(|| r.period.from.clone()) == from)
            .collect();
        let areas: Vec<AreaDoc> = group
            .iter()
            .filter(|a| !a.whole_prefecture)
            .filter_map(|a| {
                let name = a.place.as_ref().map(|p| p.full_name.clone())?;
                Some(match &a.part {
                    Some(part) => AreaDoc::Part(PartDoc { name, part: part.clone() }),
                    None => AreaDoc::Name(name),
                })
            })
            .collect();
        let prefectures: Vec<String> = group
            .iter()
            .filter(|a| a.whole_prefecture)
            .filter_map(|a| a.prefecture.clone().or_else(|| a.written.split(['の', '全']).next().map(str::to_string)))
            .collect();
        rules.push(RuleDoc {
            kind,
            areas,
            prefectures,
            from,
            until: until.clone(),
            provisional: r.period.provisional,
            remark: None,
        });
    }
    Some(NoticeDoc {
        id: format!("{disaster}-{number}"),
        number: Some(number),
        title: r
            .title
            .clone()
            .unwrap_or_else(|| format!("{}（その{number}）", r.disaster_name.clone().unwrap_or_default())),
        issued: r.issued.clone()?,
        issuer: None,
        source: Some("saigai-mode import".into()),
        url: None,
        remarks: r
            .remarks
            .iter()
            // After a closure: from the closure on
            .map(|text| RemarkDoc {
                kind: RemarkKind::Facility,
                text: text.clone(),
                areas: Vec::new(),
                from: r.period.closure.then(|| r.period.until.clone()).flatten(),
            })
            .collect(),
        rules,
    })
}

/// The file with the entry in its disaster (created when new), validated
pub(super) fn merge(file: &NoticeFile, r: &ImportReport, entry: NoticeDoc) -> Result<NoticeFile, Vec<Problem>> {
    let mut out = file.clone();
    let id = r.disaster_id.clone().unwrap_or_default();
    let position = out.disasters.iter().position(|d| d.id == id);
    let disaster = match position {
        Some(i) => out.disasters.get_mut(i),
        None => {
            out.disasters.push(DisasterDoc {
                id: id.clone(),
                name: r.disaster_name.clone().unwrap_or_default(),
                began: r.began.clone().or_else(|| r.issued.clone()).unwrap_or_default(),
                relief_act: Vec::new(),
                notices: Vec::new(),
            });
            out.disasters.last_mut()
        }
    };
    let Some(disaster) = disaster else { return Err(Vec::new()) };
    if let Some(k) = entry.number.filter(|k| disaster.notices.iter().any(|n| n.number == Some(*k))) {
        return Err(vec![Problem {
            entry: format!("{} その{k}", disaster.name),
            path: String::new(),
            message: format!("その{k} は既にファイルにあります。番号を確かめてください。"),
            suggestions: Vec::new(),
        }]);
    }
    disaster.notices.push(entry);
    // In order of issue (for format 1 files, the order of the numbers)
    sort::sort_by_key(&mut disaster.notices, |n| (n.issued.clone(), n.number));
    NoticeSet::from_doc(out.clone()).map(|_| out)
}
