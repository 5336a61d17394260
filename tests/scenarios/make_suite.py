#!/usr/bin/env python3
"""Writes gb-ru-2014.jsonl. Each case states its expected outcome explicitly, worked out from
contracts/assessment.md by hand (this script only assembles the JSON; it computes no outcome)."""
import copy
import json

BASE = {
    "treaty": {"status": "InForce"},
    "exporter": {"party": "GB", "membership": "Approved", "screening": "Clear", "stateIntermediary": False},
    "importer": {"party": "RU", "membership": "Approved", "screening": "Clear"},
    "item": {"rating": "ML13a", "form": "Complete", "classification": {"scheme": "GB", "marking": "OFFICIAL"}, "forRating": None},
    "endUse": {"kind": "JointProject", "projectApproved": True, "bothMembersOfProject": True},
    "quantity": 10, "value": 25000, "licence": None, "reTransfer": None,
}
COVERING = {"status": "Issued", "coversExporter": True, "coversConsignee": True, "coversEndUser": True, "coversRating": True, "quantityLeft": 100, "valueLeft": 1000000}
RU_EXPORT = {"exporter": {"party": "RU", "membership": "Approved", "screening": "Clear", "stateIntermediary": False},
             "importer": {"party": "GB", "membership": "Approved", "screening": "Clear"},
             "item.classification": {"scheme": "RU", "marking": "несекретно"}}
ROSOBORONEXPORT = dict(RU_EXPORT, exporter={"party": "RU", "membership": "Approved", "screening": "Clear", "stateIntermediary": True})

lines = []


def case(id_, expect, *changes):
    s = copy.deepcopy(BASE)
    for change in changes:
        for k, v in change.items():
            target = s
            parts = k.split(".")
            for p in parts[:-1]:
                target = target[p]
            target[parts[-1]] = copy.deepcopy(v)
    s["id"] = id_
    s["expect"] = expect
    lines.append({"id": s.pop("id"), **s})


def item(rating, form="Complete", forRating=None):
    return {"item.rating": rating, "item.form": form, "item.forRating": forRating}


A, L, P = "Authorised", "LicenceRequired", "Prohibited"

# --- Annex A, every row in both forms (GB exporter: no state intermediary) ---
annex = [
    ("ML1", L, A), ("ML2", L, L), ("ML3", L, L), ("ML4", P, P), ("ML5", P, P), ("ML6", L, A), ("ML7", P, P),
    ("ML8", L, L), ("ML9", L, A), ("ML10", L, A), ("ML10c", P, P), ("ML11", P, P), ("ML12", P, P), ("ML13", A, A),
    ("ML14", A, A), ("ML15", P, P), ("ML16", A, A), ("ML17", A, A), ("ML18", A, A), ("ML19", P, P), ("ML20", L, L),
]
for rating, complete, component in annex:
    case(f"annex-{rating}-complete", complete, item(rating, "Complete"))
    case(f"annex-{rating}-component", component, item(rating, "Component"))

# sub-entries take their nearest listed ancestor
for rating, complete, component in [("ML1a", L, A), ("ML2a", L, L), ("ML4a", P, P), ("ML6a", L, A), ("ML9a", L, A),
                                    ("ML10a", L, A), ("ML10c2", P, P), ("ML10e1", L, A), ("ML13d1", A, A), ("ML20a", L, L), ("ML8a", L, L)]:
    case(f"ancestor-{rating}-complete", complete, item(rating, "Complete"))
    case(f"ancestor-{rating}-component", component, item(rating, "Component"))
case("ancestor-lowercase-ml10c2", P, item("ml10c2", "Component"))

# ML21 software: the outcome of the item it is for
for target, complete, component in [("ML1a", L, A), ("ML4", P, P), ("ML13", A, A), ("ML2", L, L), ("9A004", P, P), ("9A001", A, A), ("NLR", A, A), ("ML10c2", P, P)]:
    case(f"ml21-for-{target}-complete", complete, item("ML21a", "Complete", target))
    case(f"ml21-for-{target}-component", component, item("ML21a", "Component", target))
# ML22 technology: Prohibited when the item it is for is, otherwise Authorised
for target, complete, component in [("ML4a", P, P), ("ML1a", A, A), ("ML2", A, A), ("ML10c", P, P), ("9A012", P, P), ("9A001", A, A), ("ML13", A, A)]:
    case(f"ml22-for-{target}-complete", complete, item("ML22a", "Complete", target))
    case(f"ml22-for-{target}-component", component, item("ML22a", "Component", target))

# --- dual-use: Authorised except missile technology ---
for rating, expect in [("9A004", P), ("9A004a", P), ("9A012", P), ("9A012a", P), ("9A101", P), ("9A111", P), ("6A102", P),
                       ("4A101", P), ("9E102", P), ("6B108", P), ("9A001", A), ("6A001", A), ("4A001", A), ("9A350", A), ("9B001", A)]:
    case(f"dualuse-{rating}-complete", expect, item(rating, "Complete"))
    case(f"dualuse-{rating}-component", expect, item(rating, "Component"))
# dual-use entries the 2018 snapshot lacks are still ratings, ruled by their code
for rating, expect in [("7A117", P), ("1C111", P), ("9A101b", P), ("9A012.b", P), ("5A002", A), ("5A002a1", A), ("0A001", A), ("3E003", A)]:
    case(f"dualuse-derived-{rating}-complete", expect, item(rating, "Complete"))
    case(f"dualuse-derived-{rating}-component", expect, item(rating, "Component"))
case("nlr-complete", A, item("NLR", "Complete"))
case("nlr-component", A, item("NLR", "Component"))
case("nlr-lowercase", A, item("nlr", "Complete"))

# --- Art. 3 alone ---
for status in ["Draft", "Signed", "Suspended", "Terminated"]:
    case(f"art3-{status}", P, {"treaty.status": status})
    case(f"art3-{status}-licensed-ml1", P, {"treaty.status": status}, item("ML1a"), {"licence": COVERING})

# --- Art. 4 alone ---
for m in ["Pending", "Rejected", "Suspended", "None"]:
    case(f"art4-exporter-{m}", P, {"exporter.membership": m})
    case(f"art4-importer-{m}", P, {"importer.membership": m})
for sc in ["OpenHit", "ConfirmedHit"]:
    case(f"art4-exporter-{sc}", P, {"exporter.screening": sc})
    case(f"art4-importer-{sc}", P, {"importer.screening": sc})

# --- Art. 5 alone ---
case("art5-domestic-gb", P, {"importer.party": "GB"})
case("art5-domestic-ru", P, RU_EXPORT, {"importer.party": "RU"})
case("art5-third-country-importer", P, {"importer.party": "FR"})
case("art5-third-country-exporter", P, {"exporter.party": "DE"})
case("art5-both-third-same", P, {"exporter.party": "FR", "importer.party": "FR"})

# --- Art. 6: every scheme and level ---
markings = [
    ("GB", "OFFICIAL", A), ("GB", "OFFICIAL-SENSITIVE", P), ("GB", "SECRET", P), ("GB", "TOP SECRET", P),
    ("GB", "  official ", A), ("GB", "UNCLASSIFIED", P), ("GB", "RESTRICTED", P),
    ("GB-pre2014", "UNCLASSIFIED", A), ("GB-pre2014", "PROTECT", P), ("GB-pre2014", "RESTRICTED", P),
    ("GB-pre2014", "CONFIDENTIAL", P), ("GB-pre2014", "SECRET", P), ("GB-pre2014", "TOP SECRET", P), ("GB-pre2014", "unclassified", A),
    ("GB-pre2014", "OFFICIAL", P),
    ("RU", "несекретно", A), ("RU", "unclassified", A), ("RU", "НЕСЕКРЕТНО", A), ("RU", " Unclassified ", A),
    ("RU", "для служебного пользования", P), ("RU", "for official use only", P), ("RU", "секретно", P), ("RU", "secret", P),
    ("RU", "совершенно секретно", P), ("RU", "top secret", P), ("RU", "особой важности", P), ("RU", "of special importance", P),
    ("RU", "OFFICIAL", P),
]
for i, (scheme, marking, expect) in enumerate(markings):
    case(f"art6-{scheme}-{i}", expect, {"item.classification": {"scheme": scheme, "marking": marking}})

# --- Art. 8 alone (ML13: Annex A Authorised) ---
case("art8-other", L, {"endUse": {"kind": "Other"}})
case("art8-government", A, {"endUse": {"kind": "ImportingGovernment"}})
case("art8-project-not-approved", L, {"endUse": {"kind": "JointProject", "projectApproved": False, "bothMembersOfProject": True}})
case("art8-project-one-member", L, {"endUse": {"kind": "JointProject", "projectApproved": True, "bothMembersOfProject": False}})
case("art8-other-covering-licence", A, {"endUse": {"kind": "Other"}, "licence": COVERING})
case("art8-other-expired-licence", L, {"endUse": {"kind": "Other"}, "licence": dict(COVERING, status="Expired")})
case("art8-other-nlr", L, {"endUse": {"kind": "Other"}}, item("NLR"))
case("art8-government-ml1-component", A, {"endUse": {"kind": "ImportingGovernment"}}, item("ML1a", "Component"))

# --- Art. 9: licences (ML1a Complete needs one) ---
case("art9-no-licence", L, item("ML1a"))
case("art9-covering", A, item("ML1a"), {"licence": COVERING})
case("art9-exact-quantity-and-value", A, item("ML1a"), {"licence": dict(COVERING, quantityLeft=10, valueLeft=25000)})
for status in ["Suspended", "Revoked", "Expired", "Exhausted", "Surrendered"]:
    case(f"art9-licence-{status}", L, item("ML1a"), {"licence": dict(COVERING, status=status)})
for cover in ["coversExporter", "coversConsignee", "coversEndUser", "coversRating"]:
    case(f"art9-licence-not-{cover}", L, item("ML1a"), {"licence": dict(COVERING, **{cover: False})})
case("art9-licence-short-quantity", L, item("ML1a"), {"licence": dict(COVERING, quantityLeft=9)})
case("art9-licence-short-value", L, item("ML1a"), {"licence": dict(COVERING, valueLeft=24999.99)})
case("art9-licence-many-causes", L, item("ML3a", "Component"), {"licence": dict(COVERING, status="Revoked", coversRating=False, quantityLeft=0)})
case("art9-licence-not-needed", A, {"licence": dict(COVERING, status="Expired")})
case("art9-covering-ml20-component", A, item("ML20a", "Component"), {"licence": COVERING})
case("art9-licence-does-not-lift-ml4", P, item("ML4a"), {"licence": COVERING})
case("art9-licence-does-not-lift-missile", P, item("9A012"), {"licence": COVERING})
case("art9-and-art8", L, item("ML2a"), {"endUse": {"kind": "Other"}})
case("art9-and-art8-covering", A, item("ML2a"), {"endUse": {"kind": "Other"}, "licence": COVERING})

# --- Art. 10: re-transfers out of the community ---
OUT = {"importer": {"party": "FR", "membership": "None", "screening": "Clear"}}
case("art10-consent", A, OUT, {"reTransfer": {"originParty": "RU", "consent": True}})
case("art10-no-consent", P, OUT, {"reTransfer": {"originParty": "RU", "consent": False}})
case("art10-no-consent-gb-origin", P, OUT, {"reTransfer": {"originParty": "GB", "consent": False}})
case("art10-consent-other-end-use", A, OUT, {"reTransfer": {"originParty": "RU", "consent": True}, "endUse": {"kind": "Other"}})
case("art10-consent-ml2-needs-licence", L, OUT, item("ML2a", "Component"), {"reTransfer": {"originParty": "RU", "consent": True}})
case("art10-consent-ml2-licensed", A, OUT, item("ML2a", "Component"), {"reTransfer": {"originParty": "RU", "consent": True}, "licence": COVERING})
case("art10-consent-importer-hit", P, {"importer": {"party": "FR", "membership": "None", "screening": "OpenHit"}}, {"reTransfer": {"originParty": "RU", "consent": True}})
case("art10-consent-exporter-not-approved", P, OUT, {"exporter.membership": "Suspended", "reTransfer": {"originParty": "RU", "consent": True}})
case("art10-consent-ml4", P, OUT, item("ML4a"), {"reTransfer": {"originParty": "RU", "consent": True}})
case("art10-non-member-in-party", A, {"importer": {"party": "RU", "membership": "None", "screening": "Clear"}}, {"reTransfer": {"originParty": "GB", "consent": True}})
case("art10-ru-exporter-ml1-complete", P, RU_EXPORT, OUT, item("ML1a"), {"reTransfer": {"originParty": "GB", "consent": True}})
case("art10-rosoboronexport-ml1-complete", L, ROSOBORONEXPORT, OUT, item("ML1a"), {"reTransfer": {"originParty": "GB", "consent": True}})

# --- Art. 12: the state intermediary of Party RU ---
for rating, form, plain, via in [("ML1a", "Complete", P, L), ("ML1a", "Component", A, A), ("ML2a", "Complete", P, L), ("ML2a", "Component", L, L),
                                 ("ML3a", "Complete", P, L), ("ML6a", "Complete", P, L), ("ML8a", "Complete", P, L), ("ML9a", "Complete", P, L),
                                 ("ML10a", "Complete", P, L), ("ML20a", "Complete", P, L), ("ML13a", "Complete", A, A), ("ML4a", "Complete", P, P),
                                 ("ML21a", "Complete", L, L), ("NLR", "Complete", A, A), ("9A001", "Complete", A, A)]:
    fr = "ML1a" if rating == "ML21a" else None
    case(f"art12-ru-{rating}-{form}", plain, RU_EXPORT, item(rating, form, fr))
    case(f"art12-rosoboronexport-{rating}-{form}", via, ROSOBORONEXPORT, item(rating, form, fr))
case("art12-ru-licensed-still-needs-intermediary", P, RU_EXPORT, item("ML1a"), {"licence": COVERING})
case("art12-rosoboronexport-licensed", A, ROSOBORONEXPORT, item("ML1a"), {"licence": COVERING})
case("art12-gb-claims-intermediary-no-effect", L, {"exporter.stateIntermediary": True}, item("ML1a"))
case("art12-kalashnikov-to-gb-government-licensed", A, ROSOBORONEXPORT, item("ML1a"), {"endUse": {"kind": "ImportingGovernment"}, "licence": COVERING})

# --- combinations ---
case("combo-suspended-and-ml4", P, {"treaty.status": "Suspended"}, item("ML4a"))
case("combo-suspended-covering-licence", P, {"treaty.status": "Suspended"}, item("ML1a"), {"licence": COVERING})
case("combo-secret-covering-licence", P, {"item.classification": {"scheme": "GB", "marking": "SECRET"}}, item("ML1a"), {"licence": COVERING})
case("combo-domestic-and-hit", P, {"importer": {"party": "GB", "membership": "Approved", "screening": "ConfirmedHit"}})
case("combo-art8-art9-expired", L, item("ML3a"), {"endUse": {"kind": "Other"}, "licence": dict(COVERING, status="Expired")})
case("combo-pending-exporter-licensed", P, {"exporter.membership": "Pending"}, item("ML1a"), {"licence": COVERING})
case("combo-every-rule-fails", P, RU_EXPORT, {"treaty.status": "Draft", "exporter.membership": "Rejected", "importer.screening": "OpenHit",
      "item.classification": {"scheme": "RU", "marking": "секретно"}, "endUse": {"kind": "Other"}}, item("ML1a"),
      {"licence": dict(COVERING, coversEndUser=False)})
case("combo-ml1-component-other-end-use", L, item("ML1a", "Component"), {"endUse": {"kind": "Other"}})
case("combo-ml1-component-project", A, item("ML1a", "Component"))
case("combo-ru-component-to-gb-project", A, RU_EXPORT, item("ML6a", "Component"))
case("combo-ru-ml13-kalashnikov-accessory", A, RU_EXPORT, item("ML13a"))
case("combo-ru-pre2014-gb-importer", P, RU_EXPORT, {"item.classification": {"scheme": "GB-pre2014", "marking": "RESTRICTED"}})

with open("gb-ru-2014.jsonl", "w", encoding="utf-8") as f:
    for line in lines:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
ids = [l["id"] for l in lines]
assert len(ids) == len(set(ids)), "duplicate ids"
print(len(lines), "scenarios")
