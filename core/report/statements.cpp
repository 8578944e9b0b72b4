#include "report/statements.h"

#include "report/reportblocks.h"

namespace vigil::report {

namespace {

using Fill = std::function<QList<ReportBlock>(const PortfolioData&)>;

template <typename... Fs>
Fill combine(Fs... fs)
{
    return [=](const PortfolioData& d) {
        QList<ReportBlock> list;
        (list.append(fs(d)), ...);
        return list;
    };
}

QList<ReportBlock> riskTiersChart(const PortfolioData& d)
{
    return blocks::riskTiers(d, true);
}

QList<ReportBlock> entity(const PortfolioData& d)
{
    return {ReportBlock::data(QStringLiteral("This statement covers the supply chain recorded in Vigil: %1 suppliers "
                                             "in %2 countries, assessed on %3.")
                                  .arg(formatCount(d.suppliers.size()), formatCount(d.byCountry().size()),
                                       d.now.toUTC().date().toString(Qt::ISODate)))};
}

QList<ReportBlock> communication(const PortfolioData& d)
{
    return {ReportBlock::data(QStringLiteral("This statement was generated from the workspace on %1 with methodology "
                                             "%2 version %3 and %4 reference datasets (listed in \"About this "
                                             "report\").")
                                  .arg(d.now.toUTC().date().toString(Qt::ISODate), d.methodologyName,
                                       d.methodologyVersion, formatCount(d.datasets.size())))};
}

QList<StatementSectionDef> uk()
{
    using namespace blocks;
    return {
        {QStringLiteral("a"), QStringLiteral("s54(5)(a)"),
         QStringLiteral("Organisation structure, business and supply chains"),
         QStringLiteral("The organisation's structure, its business and its supply chains."),
         QStringLiteral("Describe the organisation's legal structure, its business, where it operates, and how its "
                        "supply chains are organised."),
         combine(
             structure, [](const PortfolioData& d) { return supplyChainTables(d); }, recruitment)},
        {QStringLiteral("b"), QStringLiteral("s54(5)(b)"),
         QStringLiteral("Policies in relation to slavery and human trafficking"),
         QStringLiteral("Its policies in relation to slavery and human trafficking."),
         QStringLiteral("Summarise the policies (supplier code of conduct, responsible recruitment / Employer Pays, "
                        "whistle-blowing) and who approved them."),
         combine(policies)},
        {QStringLiteral("c"), QStringLiteral("s54(5)(c)"), QStringLiteral("Due diligence processes"),
         QStringLiteral("Its due diligence processes in relation to slavery and human trafficking in its business and "
                        "supply chains."),
         QStringLiteral("Describe how suppliers are onboarded, questioned, audited and visited, and who decides."),
         combine(dueDiligence)},
        {QStringLiteral("d"), QStringLiteral("s54(5)(d)"), QStringLiteral("Risk assessment and management"),
         QStringLiteral("The parts of its business and supply chains where there is a risk of slavery and human "
                        "trafficking taking place, and the steps it has taken to assess and manage that risk."),
         QStringLiteral("Explain the steps taken to manage the risks shown here, and any case found."),
         combine(
             riskTiersChart, [](const PortfolioData& d) { return riskAreas(d); }, indicatorsFound, actions)},
        {QStringLiteral("e"), QStringLiteral("s54(5)(e)"), QStringLiteral("Effectiveness and performance indicators"),
         QStringLiteral("Its effectiveness in ensuring that slavery and human trafficking is not taking place in its "
                        "business or supply chains, measured against such performance indicators as it considers "
                        "appropriate."),
         QStringLiteral("State the performance indicators the organisation set itself and its own reading of them."),
         combine(effectiveness, remediation)},
        {QStringLiteral("f"), QStringLiteral("s54(5)(f)"), QStringLiteral("Training"),
         QStringLiteral("The training about slavery and human trafficking available to its staff."),
         QStringLiteral("Describe the training given to staff, buyers and suppliers in the period."),
         combine(training)},
        {QStringLiteral("approval"), QStringLiteral("s54(6)"), QStringLiteral("Approval and signature"),
         QStringLiteral("The statement must be approved by the board of directors (or equivalent) and signed by a "
                        "director (or equivalent)."),
         QStringLiteral("Board approval (date of the board meeting), the name and role of the director who signs, "
                        "and the date of signature."),
         combine(communication)},
    };
}

QList<StatementSectionDef> au()
{
    using namespace blocks;
    return {
        {QStringLiteral("a"), QStringLiteral("s16(1)(a)"), QStringLiteral("The reporting entity"),
         QStringLiteral("Identify the reporting entity."),
         QStringLiteral("The reporting entity's legal name, ABN and registered office, and any entity covered by a "
                        "joint statement."),
         combine(entity)},
        {QStringLiteral("b"), QStringLiteral("s16(1)(b)"), QStringLiteral("Structure, operations and supply chains"),
         QStringLiteral("Describe the structure, operations and supply chains of the reporting entity."),
         QStringLiteral("Describe the group structure, the operations and the main supply chains."),
         combine(
             structure, [](const PortfolioData& d) { return supplyChainTables(d); }, recruitment)},
        {QStringLiteral("c"), QStringLiteral("s16(1)(c)"), QStringLiteral("Risks of modern slavery practices"),
         QStringLiteral("Describe the risks of modern slavery practices in the operations and supply chains of the "
                        "reporting entity, and any entities that the reporting entity owns or controls."),
         QStringLiteral("Explain how the entity may cause, contribute to or be directly linked to these risks."),
         combine(
             riskTiersChart, [](const PortfolioData& d) { return riskAreas(d); }, indicatorsFound)},
        {QStringLiteral("d"), QStringLiteral("s16(1)(d)"), QStringLiteral("Actions taken to assess and address risks"),
         QStringLiteral("Describe the actions taken by the reporting entity and any entity that it owns or controls, "
                        "to assess and address those risks, including due diligence and remediation processes."),
         QStringLiteral("Describe the actions taken in the period, the due-diligence process and remediation."),
         combine(dueDiligence, actions, remediation)},
        {QStringLiteral("e"), QStringLiteral("s16(1)(e)"), QStringLiteral("Assessing effectiveness"),
         QStringLiteral("Describe how the reporting entity assesses the effectiveness of such actions."),
         QStringLiteral("How the entity reviews its actions (KPIs, audits, reviews) and what it concluded."),
         combine(effectiveness)},
        {QStringLiteral("f"), QStringLiteral("s16(1)(f)"), QStringLiteral("Consultation"),
         QStringLiteral("Describe the process of consultation with any entities that the reporting entity owns or "
                        "controls (and, for a joint statement, the entity giving the statement)."),
         QStringLiteral("Describe how the entities owned or controlled were consulted."), combine(consultation)},
        {QStringLiteral("g"), QStringLiteral("s16(1)(g)"), QStringLiteral("Other relevant information"),
         QStringLiteral("Include any other information that the reporting entity, or the entity giving the "
                        "statement, considers relevant."),
         QStringLiteral("Anything else the entity considers relevant (e.g. training, stakeholder engagement)."),
         combine(training, blocks::methodology)},
        {QStringLiteral("approval"), QStringLiteral("s16(2)"), QStringLiteral("Approval and signature"),
         QStringLiteral("Approved by the principal governing body and signed by a responsible member."),
         QStringLiteral("Date of approval by the principal governing body, name and role of the responsible member "
                        "who signs."),
         combine(communication)},
    };
}

QList<StatementSectionDef> ca()
{
    using namespace blocks;
    return {
        {QStringLiteral("a"), QStringLiteral("s11(3)(a)"), QStringLiteral("Structure, activities and supply chains"),
         QStringLiteral("Its structure, activities and supply chains."),
         QStringLiteral("Describe the entity's structure, activities and supply chains."),
         combine(
             structure, [](const PortfolioData& d) { return supplyChainTables(d); }, recruitment)},
        {QStringLiteral("b"), QStringLiteral("s11(3)(b)"), QStringLiteral("Policies and due diligence processes"),
         QStringLiteral("Its policies and its due diligence processes in relation to forced labour and child labour."),
         QStringLiteral("Summarise the policies and how due diligence is organised."), combine(policies, dueDiligence)},
        {QStringLiteral("c"), QStringLiteral("s11(3)(c)"), QStringLiteral("Parts of the business at risk"),
         QStringLiteral("The parts of its business and supply chains that carry a risk of forced labour or child "
                        "labour being used and the steps it has taken to assess and manage that risk."),
         QStringLiteral("Explain the steps taken to assess and manage these risks."),
         combine(
             riskTiersChart, [](const PortfolioData& d) { return riskAreas(d); }, indicatorsFound)},
        {QStringLiteral("d"), QStringLiteral("s11(3)(d)"), QStringLiteral("Remediation of forced and child labour"),
         QStringLiteral("Any measures taken to remediate any forced labour or child labour."),
         QStringLiteral("Describe each remediation measure taken, without identifying any worker."),
         combine(remediation, actions)},
        {QStringLiteral("e"), QStringLiteral("s11(3)(e)"),
         QStringLiteral("Remediation of loss of income to the most vulnerable families"),
         QStringLiteral("Any measures taken to remediate the loss of income to the most vulnerable families that "
                        "results from any measure taken to eliminate the use of forced labour or child labour in its "
                        "activities and supply chains."),
         QStringLiteral("Describe measures that replaced lost income (stipends, schooling support, adult hiring)."),
         combine(incomeLoss)},
        {QStringLiteral("f"), QStringLiteral("s11(3)(f)"), QStringLiteral("Training"),
         QStringLiteral("The training provided to employees on forced labour and child labour."),
         QStringLiteral("Describe the training provided to employees in the period."), combine(training)},
        {QStringLiteral("g"), QStringLiteral("s11(3)(g)"), QStringLiteral("Assessing effectiveness"),
         QStringLiteral("How the entity assesses its effectiveness in ensuring that forced labour and child labour "
                        "are not being used in its business and supply chains."),
         QStringLiteral("How the entity assesses its effectiveness, and its conclusions."), combine(effectiveness)},
        {QStringLiteral("approval"), QStringLiteral("s11(4)-(5)"), QStringLiteral("Approval and attestation"),
         QStringLiteral("Approved by the governing body and signed by one or more members, with the attestation; "
                        "filed by 31 May."),
         QStringLiteral("The governing body's approval, the attestation text, and the name, title and signature of "
                        "each signing member."),
         combine(communication)},
    };
}

QList<StatementSectionDef> de()
{
    using namespace blocks;
    return {
        {QStringLiteral("1"), QStringLiteral("§10(2) Nr. 1"), QStringLiteral("Risks and violations identified"),
         QStringLiteral("Whether and, if so, which human rights and environment-related risks or violations of "
                        "human rights-related or environment-related obligations the enterprise has identified."),
         QStringLiteral("Describe the risks and violations identified, in the enterprise's own words."),
         combine(
             riskTiersChart, [](const PortfolioData& d) { return riskAreas(d); }, indicatorsFound)},
        {QStringLiteral("2"), QStringLiteral("§10(2) Nr. 2"), QStringLiteral("What the enterprise did"),
         QStringLiteral("What the enterprise has done to fulfil its due diligence obligations, with reference to "
                        "§§4 to 9, including the elements of the policy statement (§6(2)), and the measures taken in "
                        "response to complaints (§§8, 9)."),
         QStringLiteral("Describe the measures taken under each obligation, and the policy statement's elements."),
         combine(lksgDuties, dueDiligence, actions, complaints)},
        {QStringLiteral("3"), QStringLiteral("§10(2) Nr. 3"), QStringLiteral("Impact and effectiveness"),
         QStringLiteral("How the enterprise assesses the impact and effectiveness of the measures."),
         QStringLiteral("How the enterprise assesses the measures' impact and effectiveness."),
         combine(effectiveness, remediation)},
        {QStringLiteral("4"), QStringLiteral("§10(2) Nr. 4"), QStringLiteral("Conclusions for future measures"),
         QStringLiteral("What conclusions the enterprise draws from the assessment for future measures."),
         QStringLiteral("The conclusions the enterprise draws and the measures planned."), combine(conclusions)},
        {QStringLiteral("approval"), QStringLiteral("§10(2), §12"), QStringLiteral("Publication and submission"),
         QStringLiteral("The report is published on the website within four months of the end of the financial year "
                        "and submitted to BAFA."),
         QStringLiteral("The financial year covered, date of publication and submission to BAFA, responsible "
                        "person."),
         combine(communication)},
    };
}

QList<StatementSectionDef> eu()
{
    using namespace blocks;
    return {
        {QStringLiteral("art7"), QStringLiteral("Art. 7"), QStringLiteral("Integrating due diligence"),
         QStringLiteral("Integrating due diligence into policies and risk management systems, with a due diligence "
                        "policy and a code of conduct."),
         QStringLiteral("Describe the due diligence policy, the code of conduct and how they are embedded."),
         combine(policies, blocks::methodology)},
        {QStringLiteral("art8"), QStringLiteral("Art. 8"), QStringLiteral("Identifying and assessing adverse impacts"),
         QStringLiteral("Identifying and assessing actual and potential adverse impacts, mapping operations and "
                        "chains of activities."),
         QStringLiteral("Explain how impacts were mapped and assessed in depth."),
         combine(structure, dueDiligence, riskTiersChart, indicatorsFound)},
        {QStringLiteral("art9"), QStringLiteral("Art. 9"), QStringLiteral("Prioritisation"),
         QStringLiteral("Prioritising identified impacts by severity and likelihood."),
         QStringLiteral("Explain the prioritisation criteria used beyond the risk tiers."), combine(prioritisation)},
        {QStringLiteral("art10"), QStringLiteral("Art. 10"), QStringLiteral("Preventing potential adverse impacts"),
         QStringLiteral("Preventing or, where not possible, adequately mitigating potential adverse impacts "
                        "(prevention action plans, contractual assurances, support to SMEs)."),
         QStringLiteral("Describe prevention action plans and contractual assurances."), combine(policies, actions)},
        {QStringLiteral("art11"), QStringLiteral("Art. 11"),
         QStringLiteral("Bringing actual adverse impacts to an end"),
         QStringLiteral("Bringing actual adverse impacts to an end or minimising their extent (corrective action "
                        "plans, suspension as a last resort)."),
         QStringLiteral("Describe corrective action plans and any suspension or termination."),
         combine(actions,
                 [](const PortfolioData& d) {
                     int suspended = 0;
                     for (const SupplierRisk& s : d.suppliers)
                         suspended += s.status == SupplierStatus::Suspended ? 1 : 0;
                     return QList<ReportBlock>{ReportBlock::data(
                         QStringLiteral("%1 suppliers are suspended in the register.").arg(formatCount(suspended)))};
                 })},
        {QStringLiteral("art12"), QStringLiteral("Art. 12"), QStringLiteral("Remediation"),
         QStringLiteral("Providing remediation of actual adverse impacts caused or jointly caused."),
         QStringLiteral("Describe the remediation provided (without identifying any worker)."),
         combine(remediation, incomeLoss)},
        {QStringLiteral("art13"), QStringLiteral("Art. 13"), QStringLiteral("Meaningful engagement with stakeholders"),
         QStringLiteral("Carrying out meaningful engagement with stakeholders, including workers and their "
                        "representatives."),
         QStringLiteral("Describe the engagement with workers, their representatives and other stakeholders."),
         combine(stakeholders)},
        {QStringLiteral("art14"), QStringLiteral("Art. 14"), QStringLiteral("Notification mechanism and complaints"),
         QStringLiteral("Establishing and maintaining a notification mechanism and complaints procedure."),
         QStringLiteral("Describe the complaints procedure, who can use it and how complaints were handled."),
         combine(complaints)},
        {QStringLiteral("art15"), QStringLiteral("Art. 15"), QStringLiteral("Monitoring"),
         QStringLiteral("Monitoring the effectiveness of due diligence actions and measures (periodic assessments, at "
                        "least every 12 months)."),
         QStringLiteral("Describe the periodic assessment and its findings."), combine(monitoring, effectiveness)},
        {QStringLiteral("art16"), QStringLiteral("Art. 16"), QStringLiteral("Communicating"),
         QStringLiteral("Communicating by publishing an annual statement on due diligence matters."),
         QStringLiteral("The statement's publication date and where it is published."),
         combine(communication, training)},
    };
}

} // namespace

QString jurisdictionId(Jurisdiction j)
{
    switch (j) {
    case Jurisdiction::UK:
        return QStringLiteral("uk");
    case Jurisdiction::AU:
        return QStringLiteral("au");
    case Jurisdiction::CA:
        return QStringLiteral("ca");
    case Jurisdiction::DE:
        return QStringLiteral("de");
    case Jurisdiction::EU:
        return QStringLiteral("eu");
    }
    return {};
}

std::optional<Jurisdiction> jurisdictionFromId(const QString& id)
{
    for (Jurisdiction j : allJurisdictions())
        if (jurisdictionId(j) == id.trimmed().toLower())
            return j;
    return std::nullopt;
}

QList<Jurisdiction> allJurisdictions()
{
    return {Jurisdiction::UK, Jurisdiction::AU, Jurisdiction::CA, Jurisdiction::DE, Jurisdiction::EU};
}

QString lawName(Jurisdiction j)
{
    switch (j) {
    case Jurisdiction::UK:
        return QStringLiteral("Modern Slavery Act 2015 (UK), section 54");
    case Jurisdiction::AU:
        return QStringLiteral("Modern Slavery Act 2018 (Cth, Australia), section 16");
    case Jurisdiction::CA:
        return QStringLiteral("Fighting Against Forced Labour and Child Labour in Supply Chains Act (S-211, Canada), "
                              "section 11");
    case Jurisdiction::DE:
        return QStringLiteral("Lieferkettensorgfaltspflichtengesetz (LkSG, Germany), §10(2)");
    case Jurisdiction::EU:
        return QStringLiteral("Corporate Sustainability Due Diligence Directive (EU) 2024/1760, Articles 7–16");
    }
    return {};
}

QString statementTitle(Jurisdiction j)
{
    switch (j) {
    case Jurisdiction::UK:
        return QStringLiteral("Slavery and human trafficking statement");
    case Jurisdiction::AU:
        return QStringLiteral("Modern slavery statement");
    case Jurisdiction::CA:
        return QStringLiteral("Report on forced labour and child labour in supply chains");
    case Jurisdiction::DE:
        return QStringLiteral("Annual report on the fulfilment of due diligence obligations");
    case Jurisdiction::EU:
        return QStringLiteral("Annual statement on due diligence matters");
    }
    return {};
}

QList<StatementSectionDef> statementSections(Jurisdiction j)
{
    switch (j) {
    case Jurisdiction::UK:
        return uk();
    case Jurisdiction::AU:
        return au();
    case Jurisdiction::CA:
        return ca();
    case Jurisdiction::DE:
        return de();
    case Jurisdiction::EU:
        return eu();
    }
    return {};
}

ReportDocument buildStatement(const PortfolioData& data, Jurisdiction j, const QMap<QString, QString>& texts)
{
    ReportDocument doc;
    doc.kind = QStringLiteral("statement");
    doc.title = statementTitle(j);
    doc.organisation = texts.value(kOrganisationKey).trimmed();
    const QString period = texts.value(kPeriodKey).trimmed();
    doc.subtitle = lawName(j) + (period.isEmpty() ? QString() : QStringLiteral(" · Reporting period ") + period);
    doc.generatedAt = data.now;
    doc.methodologyName = data.methodologyName;
    doc.methodologyVersion = data.methodologyVersion;
    doc.datasets = data.datasets;
    doc.confidentiality = QStringLiteral("Draft for approval · %1").arg(jurisdictionId(j).toUpper());

    ReportSection intro;
    intro.id = jurisdictionId(j) + QStringLiteral("_intro");
    intro.title = QStringLiteral("Reporting entity and period");
    intro.blocks << ReportBlock::companyText(kOrganisationKey, doc.organisation,
                                             QStringLiteral("The name of the organisation making this statement."));
    intro.blocks << ReportBlock::companyText(kPeriodKey, period,
                                             QStringLiteral("The financial year this statement covers."));
    intro.blocks << ReportBlock::note(QStringLiteral("Figures in this statement come from the Vigil workspace on %1. "
                                                     "Boxes marked \"To be written by the company\" must be completed "
                                                     "before approval; boxes marked \"Data gap\" show what the "
                                                     "workspace does not hold yet.")
                                          .arg(data.now.toUTC().date().toString(Qt::ISODate)));
    doc.sections << intro;

    for (const StatementSectionDef& def : statementSections(j)) {
        ReportSection s;
        s.id = jurisdictionId(j) + QLatin1Char('_') + def.key;
        s.reference = def.reference;
        s.title = def.title;
        s.asks = def.asks;
        s.blocks << ReportBlock::companyText(def.key, texts.value(def.key), def.prompt);
        s.blocks << ReportBlock::heading(QStringLiteral("From the workspace"), 3);
        s.blocks << def.fill(data);
        doc.sections << s;
    }
    doc.sections << blocks::provenanceSection(doc);
    return doc;
}

} // namespace vigil::report
