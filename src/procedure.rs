//! The consent and patient-identification procedure (PRODUCT §3.3), as data.
//!
//! Every sentence shown to staff is quoted from the seed: 別添2 「医療情報を
//! 特例的に閲覧する場合に留意すべき点」 of the 事務連絡 of 2026-02-04, the
//! 利用規約 and 個人情報保護法 articles it cites, and the 「災害時医療情報閲覧
//! 機能」 leaflet. Only the short step titles are ours. For public-assistance
//! recipients the notice's own substitutions are applied to the 別添 text.

use crate::prelude::*;

use serde::Serialize;

/// The three questions staff answer
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answers {
    /// 被保険者番号（受給者番号）を把握しているか
    pub number_known: bool,
    /// 本人の同意を得られるか
    pub can_consent: bool,
    /// 生活保護の医療扶助か
    pub public_assistance: bool,
}

impl Answers {
    /// The eight sets of answers
    pub fn all() -> impl Iterator<Item = Answers> {
        (0..8u8).map(|i| Answers { number_known: i & 4 == 0, can_consent: i & 2 == 0, public_assistance: i & 1 != 0 })
    }
}

/// A source a step rests on
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    /// `オンライン資格確認等システム利用規約`
    pub document: &'static str,
    /// `第21条第2項`
    pub article: &'static str,
    /// The text, quoted
    pub quote: &'static str,
}

/// One step
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub title: String,
    pub text: String,
    /// How to do it, when the notice says so in a sentence of its own
    pub details: Vec<String>,
    pub basis: Vec<Citation>,
}

/// A fact staff act on, not a task (why no consent is needed)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub title: &'static str,
    pub text: &'static str,
    pub basis: Vec<Citation>,
}

/// One term read differently for public assistance
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    pub usual: &'static str,
    pub read_as: &'static str,
}

/// The マイナポータル fallback
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fallback {
    pub title: &'static str,
    /// Whether it can help this patient: the patient must log in with their
    /// own card and PIN, so not when they cannot consent (unconscious …)
    pub applies: bool,
    /// Why it cannot help, when it cannot
    pub not_applicable: Option<&'static str>,
    pub intro: &'static str,
    /// What the patient needs (from the leaflet's text)
    pub needs: Vec<&'static str>,
    pub steps: Vec<&'static str>,
    pub notes: Vec<&'static str>,
}

/// The procedure for one set of answers
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Procedure {
    /// `A` number known, `B` number not known, `C` consent difficult
    pub case: &'static str,
    pub answers: Answers,
    /// The three answers in words
    /// (`被保険者番号が分からない・同意を得ることが困難・生活保護ではない`)
    pub heading: String,
    /// When consent cannot be obtained: that none is needed, and why
    pub consent_statement: Option<Statement>,
    /// The words used for this patient (substituted for public assistance)
    pub number_term: &'static str,
    pub terms: Vec<Term>,
    pub public_assistance_note: Option<&'static str>,
    pub steps: Vec<Step>,
    pub reminders: Vec<Step>,
    /// The terminal screens, in order (leaflet)
    pub screens: Vec<&'static str>,
    pub fallback: Fallback,
}

const BESSOU2: &str = "事務連絡 令和8年2月4日 別添2「医療情報を特例的に閲覧する場合に留意すべき点」";
const BESSOU2_CASE1: &str = "1. 医療機関等が、当該患者の被保険者番号を把握している場合";
const BESSOU2_CASE2: &str = "2. 医療機関等が、当該患者の被保険者番号を把握していない場合";
const KIYAKU: &str = "オンライン資格確認等システム利用規約";
const APPI: &str = "個人情報の保護に関する法律（平成15年法律第57号）";
const LEAFLET: &str = "「災害時医療情報閲覧機能」（災害時モード）紹介リーフレット";
const NOTICE: &str = "事務連絡 令和8年2月4日（その5）";

const KIYAKU_21_2: Citation = Citation {
    document: KIYAKU,
    article: "第21条第2項",
    quote: "前項の規定によらず、天災地変により実施機関が必要と判断した場合は、患者から口頭で同意を取得することをもって、サービス利用者は薬剤情報・特定健診情報等の提供を求めることができます。また、同様の場合であって患者から口頭で同意を取得することが困難な場合、前項の規定によらず、同意の取得は必要ありません。",
};
const APPI_20_2_2: Citation = Citation {
    document: APPI,
    article: "第20条第2項第2号",
    quote: "人の生命、身体又は財産の保護のために必要がある場合であって、本人の同意を得ることが困難であるとき。",
};

const CONSENT: &str = "患者から、医療情報を閲覧することについて口頭等で同意を取得する。";
const QUERY_BY_NUMBER: &str = "資格確認端末から、当該患者の被保険者番号をキーに、オンライン資格確認等システムにおける「緊急時医療情報・資格確認機能」に照会する。";
const IDENTIFY: &str = "当該患者の①氏名、②生年月日、③性別、④保険者名称又は患者の住所の一部を確認し、資格確認端末に入力。①～④の情報から、被保険者番号等を特定した上で、被保険者番号をキーに、オンライン資格確認等システムにおける「緊急時医療情報・資格確認機能」に照会する。";
/// 別添2's ※ sentence, without its opening 「※ なお、」
const NO_CONSENT: &str = "人の生命、身体又は財産の保護のために必要がある場合であって、本人の同意を得ることが困難な場合には、個人情報の保護に関する法律（平成15年法律第57号）第20条第2項第2号に基づき、本人の同意は必要ありません。";
const IDENTIFY_WITHOUT_CONSENT: &str = "この場合は、患者が所持する身分証明証や家族から提供された情報をもとに本人を特定し、オンライン資格確認等システムにおける「緊急時医療情報・資格確認機能」への照会を行ってください。";

/// The notice's substitutions for 生活保護 (医療扶助), in the order applied
const PUBLIC_ASSISTANCE_TERMS: [Term; 3] = [
    Term { usual: "保険資格情報", read_as: "医療扶助の受給資格情報" },
    Term { usual: "被保険者番号", read_as: "受給者番号" },
    Term { usual: "保険者名称", read_as: "福祉事務所名称" },
];
const PUBLIC_ASSISTANCE_NOTE: &str = "なお、令和6年3月1日以降、生活保護法による被保護者の医療扶助の受給資格等の情報に係る同機能の利用に当たっては、別添中、「保険資格情報」とあるのは「医療扶助の受給資格情報」と、「被保険者番号」とあるのは「受給者番号」と、「保険者名称」とあるのは「福祉事務所名称」と読み替えるものとします。";

fn terms(text: &str, public_assistance: bool) -> String {
    if !public_assistance {
        return text.to_string();
    }
    // 被保険者番号 contains no other term, and 保険者名称 is not inside
    // 被保険者番号, so plain replacement in this order is exact.
    PUBLIC_ASSISTANCE_TERMS.iter().fold(text.to_string(), |t, term| t.replace(term.usual, term.read_as))
}

fn step(title: &str, text: &str, pa: bool, basis: Vec<Citation>) -> Step {
    Step { title: title.to_string(), text: terms(text, pa), details: Vec::new(), basis }
}

/// The answers in words, for headings and print-outs
fn heading(a: Answers) -> String {
    let number = if a.public_assistance { "受給者番号" } else { "被保険者番号" };
    let known = if a.number_known { "が分かる" } else { "が分からない" };
    let consent = if a.can_consent { "同意を得られる" } else { "同意を得ることが困難" };
    let pa =
        if a.public_assistance { "生活保護（医療扶助）の受給者" } else { "生活保護ではない" };
    format!("{number}{known}・{consent}・{pa}")
}

fn bessou(article: &'static str, quote: &'static str) -> Citation {
    Citation { document: BESSOU2, article, quote }
}

/// The steps, reminders, screens and fallback for a set of answers
pub fn procedure(a: Answers) -> Procedure {
    let pa = a.public_assistance;
    let number_term = if pa { "受給者番号" } else { "被保険者番号" };
    let mut steps = Vec::new();
    let case = if a.can_consent {
        let heading = if a.number_known { BESSOU2_CASE1 } else { BESSOU2_CASE2 };
        steps.push(step("同意を得る（口頭で可）", CONSENT, pa, vec![bessou("", heading), KIYAKU_21_2]));
        if a.number_known {
            steps.push(step("番号で照会する", QUERY_BY_NUMBER, pa, vec![bessou("", heading)]));
            "A"
        } else {
            steps.push(step("本人を特定して照会する", IDENTIFY, pa, vec![bessou("", heading)]));
            "B"
        }
    } else {
        // One step: identify the patient (documents, family), then query by
        // the number, or find the number first
        let mut identify = step(
            "本人を特定して照会する",
            IDENTIFY_WITHOUT_CONSENT,
            pa,
            vec![bessou("", "※ 本人の同意を得ることが困難な場合")],
        );
        let (how, heading) = if a.number_known { (QUERY_BY_NUMBER, BESSOU2_CASE1) } else { (IDENTIFY, BESSOU2_CASE2) };
        identify.details.push(terms(how, pa));
        identify.basis.push(bessou("", heading));
        steps.push(identify);
        "C"
    };
    let consent_statement = (!a.can_consent).then(|| Statement {
        title: "同意は必要ありません",
        text: NO_CONSENT,
        basis: vec![bessou("", "※ なお、…本人の同意は必要ありません。"), APPI_20_2_2, KIYAKU_21_2],
    });
    Procedure {
        case,
        answers: a,
        heading: heading(a),
        consent_statement,
        number_term,
        terms: if pa { PUBLIC_ASSISTANCE_TERMS.to_vec() } else { Vec::new() },
        public_assistance_note: pa.then_some(PUBLIC_ASSISTANCE_NOTE),
        steps,
        reminders: reminders(pa),
        screens: SCREENS.to_vec(),
        fallback: Fallback {
            title: "災害時モードが利用できない場合、スマートフォンからマイナポータルで服薬履歴を確認できます！",
            applies: a.can_consent,
            not_applicable: (!a.can_consent).then_some(
                "この患者は本人がログインできないため、この方法は使えません（ログインには本人のマイナンバーカードと4桁の暗証番号が必要です）。",
            ),
            needs: vec!["本人のマイナンバーカード", "4桁の暗証番号", "スマートフォン（本人またはご家族のもの）"],
            intro: "マイナンバーカードをお持ちの方は、ご自身やご家族のスマートフォンからマイナポータルにログインすることにより、自分自身の過去の医療情報を確認することができます。",
            steps: vec![
                "マイナポータルにログイン（※ログインには4桁の暗証番号入力が必要です。）",
                "「わたしの情報」",
                "「健康・医療」",
                "「診療・薬剤情報」",
                "表示対象日を選択（確認する診療年月を入力してください。（最大3年））",
                "「表示する」",
            ],
            notes: vec![
                "※開始年月は2021年9月以降を指定してください。",
                "※診療情報は2022年6月以降の受付分が表示できます。",
                "※毎月11日頃に前月に診療した情報を追加更新します。",
                "※PDF又はCSV形式でダウンロードすることもできます。",
                "避難所において、医療関係者に対し、普段飲んでいるお薬や特定健診のデータを共有したい場合にもご利用ください。",
            ],
        },
    }
}

/// Every set of answers with its procedure: what the page's guide shows,
/// computed here and written to `data/procedure.json` by
/// `scripts/gen-procedure` (the checker's module carries none of it)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcedureTable {
    /// Provenance: how the file is made and what it quotes
    pub generated: &'static str,
    pub sources: [&'static str; 4],
    /// The eight procedures, in the order of `Answers::all`
    pub procedures: Vec<Procedure>,
}

/// The procedures for every set of answers
pub fn table() -> ProcedureTable {
    ProcedureTable {
        generated: "generated by scripts/gen-procedure from src/procedure.rs (do not edit)",
        sources: [BESSOU2, KIYAKU, APPI, LEAFLET],
        procedures: Answers::all().map(procedure).collect(),
    }
}

/// The terminal screens, quoted from the leaflet
const SCREENS: [&str; 6] = [
    "①オンライン資格確認等システムにログイン（※医療情報閲覧アカウントまたは管理アカウントのIDとパスワードを使用してください。）",
    "②緊急時医療情報・資格確認機能の災害時医療情報閲覧をクリックします。",
    "③「被保険者証等による検索」又は「氏名、住所等による検索」を選択し、検索条件を入力します。",
    "④該当者の患者情報を確認し、薬剤情報等の閲覧同意の有無を登録します。",
    "⑤閲覧する情報・対象期間を選択します。",
    "⑥選択した薬剤情報等が表示されます。",
];

fn reminders(pa: bool) -> Vec<Step> {
    vec![
        step(
            "患者の医療のためだけに",
            "患者の薬剤情報・特定健診情報等及び処方情報・調剤情報（以下「医療情報」という。）を閲覧することは、患者に提供する医療サービスでの利用に限られます。利用目的外で患者の医療情報を閲覧することは認められません。",
            pa,
            vec![
                bessou("", "医療情報を特例的に閲覧する場合に留意すべき点"),
                Citation { document: KIYAKU, article: "第25条第1項第1号", quote: "本サービスの利用目的（患者の資格情報の確認及び医療行為等への活用）以外の用途で本システムを使用する行為" },
            ],
        ),
        step(
            "閲覧は記録される",
            "なお、医療機関・薬局において医療情報を閲覧した際、オンライン資格確認等システムにログ（通信記録）が保管される仕組みとなっております。",
            pa,
            vec![
                bessou("", "医療情報を特例的に閲覧する場合に留意すべき点"),
                Citation { document: NOTICE, article: "本文", quote: "各医療機関・薬局による本機能を用いたオンライン資格確認等システムの閲覧ログを踏まえ、必要と認める場合には、個別に、医療機関・薬局に対して、「緊急時医療情報・資格確認機能」を利用した医療情報の閲覧状況について事実関係を確認してください。" },
            ],
        ),
        step(
            "資格確認端末から",
            "本機能は、「資格確認端末」からのみご利用いただけます。普段お使いの、レセプトコンピュータ等からはご利用いただけないのでご留意ください。",
            pa,
            vec![Citation { document: LEAFLET, article: "", quote: "※ 本機能は、「資格確認端末」からのみご利用いただけます。" }],
        ),
        step(
            "使うアカウント",
            "医療情報閲覧アカウントまたは管理アカウントのIDとパスワードを使用してください。",
            pa,
            vec![Citation { document: LEAFLET, article: "①", quote: "※医療情報閲覧アカウントまたは管理アカウントのIDとパスワードを使用してください。" }],
        ),
    ]
}
