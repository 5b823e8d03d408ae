//! What the maintainer answers ([`ImportOptions`]) and what an import
//! reports ([`ImportReport`]): the areas read, the period, the problems with
//! their positions, and the questions still open.

use crate::prelude::*;

use crate::notices::{NoticeDoc, NoticeFile, Problem, RemarkDoc, RuleKind};
use crate::verdict::Place;
use serde::{Deserialize, Serialize};

/// What the maintainer says where the text is silent
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportOptions {
    /// Id of the disaster (an existing one of the file, or a new one)
    #[serde(default)]
    pub disaster: Option<String>,
    /// Name of a new disaster, when the text has none
    #[serde(default)]
    pub disaster_name: Option<String>,
    /// Date of issue, `YYYY-MM-DD`, when the text has none
    #[serde(default)]
    pub issued: Option<String>,
    /// その number, when the text has none
    #[serde(default)]
    pub number: Option<u32>,
    /// The text has no number and none exists (a portal's article): the
    /// notice is written without one (format 2), never with an invented one
    #[serde(default)]
    pub unnumbered: bool,
    /// Corrections of misprinted areas: (as written, meant)
    #[serde(default)]
    pub fixes: Vec<Fix>,
    /// Areas (as written, or a code) the maintainer declares new
    #[serde(default)]
    pub added: Vec<String>,
    /// Areas (as written, or a code) the maintainer declares continuing
    #[serde(default)]
    pub continuing: Vec<String>,
    /// For every area still undecided: `add` or `continue`
    #[serde(default)]
    pub rest: Option<RuleKind>,
    /// Place names or dates of the text that are not part of the notice's
    /// areas (a letterhead's address), as written
    #[serde(default)]
    pub ignore: Vec<String>,
    /// The end of the period, when the text has none or only a relative one
    /// (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`)
    #[serde(default)]
    pub until: Option<String>,
}

impl ImportOptions {
    /// The property names of the JS object
    pub const FIELDS: &'static [&'static str] = &[
        "disaster",
        "disasterName",
        "issued",
        "number",
        "unnumbered",
        "fixes",
        "added",
        "continuing",
        "rest",
        "ignore",
        "until",
    ];
}

/// A correction of a misprinted area
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fix {
    /// The area as the text writes it (`鰭ヶ沢町`)
    pub written: String,
    /// What is meant (`青森県鰺ヶ沢町`, or a code)
    pub meant: String,
}

/// Where in the pasted text (1-based)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Whether an area is new in this notice
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Newness {
    /// The text marks it as added (下線部, 追加)
    AddedByText,
    /// The maintainer says it is new
    AddedByMaintainer,
    /// An earlier notice of the file lists it
    ContinuingFromFile,
    /// The text says the others are extended, and marks its additions
    ContinuingByText,
    /// The maintainer says it continues
    ContinuingByMaintainer,
    /// All earlier notices are in the file and none lists it
    NewInFile,
    /// Nobody has said: the maintainer must decide
    Undecided,
}

impl Newness {
    /// The rule kind it leads to (`None` while undecided)
    pub fn kind(self) -> Option<RuleKind> {
        match self {
            Newness::AddedByText | Newness::AddedByMaintainer | Newness::NewInFile => Some(RuleKind::Add),
            Newness::ContinuingFromFile | Newness::ContinuingByText | Newness::ContinuingByMaintainer => {
                Some(RuleKind::Continue)
            }
            Newness::Undecided => None,
        }
    }
}

/// One area found in the text
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportedArea {
    /// As written (whitespace removed), with its 郡
    pub written: String,
    /// The prefecture the text puts it in
    pub prefecture: Option<String>,
    pub position: Position,
    /// `ok`, `fixed` (resolved through a fix), `not_found`, `ambiguous`,
    /// `count_differs` (a whole prefecture's count), `extra_words` (「七尾市の一部」),
    /// `towns_only` (「富山県内の全市町」, a prefecture with villages)
    /// or `prefecture_only` (「石川県」 alone)
    pub status: &'static str,
    pub place: Option<Place>,
    /// Close names, best first (for not_found and ambiguous)
    pub suggestions: Vec<Place>,
    /// A whole prefecture (`鹿児島県の全市町村`)
    pub whole_prefecture: bool,
    /// The part of the municipality covered, when the text names one
    pub part: Option<String>,
    pub newness: Newness,
    /// When it became active, when the text gives its own time
    /// (「7月10日19時30分追記」, 「※7月10日19時30分追加」)
    pub from: Option<String>,
    /// Its own end, when the notice gives its areas different ends (read in
    /// groups: 「（１）令和６年２月２９日まで」 …); else the period's
    pub until: Option<String>,
}

/// A question the text leaves open
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// `disaster`, `issued`, `number`, `newness`, `period`
    pub field: &'static str,
    pub message: String,
}

/// The period read from the text
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
    pub from: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `current`
    pub until: Option<String>,
    pub provisional: bool,
    /// The text says 延長
    pub extended: bool,
    /// The 追記 that moved the end, in an article edited in place
    /// (「7月13日10時00分追記 開放期間を7月21日まで延長しました」)
    pub extended_at: Option<String>,
    /// The labelled end that 追記 moved (「◎開放期間（予定） 8月11日（月）まで」
    /// below 「開放期間が8月18日（月）まで延長されました」): written, not used
    pub extended_from: Option<String>,
    /// A closure (閉塞): the areas still open, until then
    pub closure: bool,
    /// 「3月16日から一週間」 alone: the end it works out to (that day
    /// included), asked, never taken silently
    pub computed_until: Option<String>,
    /// 「災害救助法の適用から1週間で、9月3日まで」: `from` is worked out
    /// from the end (six days before it), and the report says so
    pub from_computed: bool,
    /// As written
    pub written: Option<String>,
}

/// Everything the import found, and the entry when nothing is open
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub disaster_id: Option<String>,
    pub disaster_name: Option<String>,
    /// The disaster is already in the file
    pub disaster_exists: bool,
    pub began: Option<String>,
    pub number: Option<u32>,
    /// Written without a number (format 2), as the maintainer said
    pub unnumbered: bool,
    pub title: Option<String>,
    pub issued: Option<String>,
    pub period: Period,
    pub areas: Vec<ImportedArea>,
    /// Areas that do not resolve, dates that do not exist …
    pub problems: Vec<Problem>,
    /// What the maintainer must answer
    pub questions: Vec<Question>,
    /// How the text was read where it could be read more than one way
    pub notes: Vec<String>,
    /// Remarks of the notice: on facilities that apply one by one (a
    /// closure's paragraph; a 範囲's clause 「…申請があったもの」)
    pub remarks: Vec<RemarkDoc>,
    /// The notice entry, when there are no problems and no questions
    pub entry: Option<NoticeDoc>,
    /// The file with the entry merged in, when a file was given
    pub file: Option<NoticeFile>,
}
