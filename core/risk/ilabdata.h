#pragma once

#include "risk/referencedata.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace vigil {

// The US DOL ILAB data bundled with Vigil (public domain; resources/reference/ilab/SOURCE.md).
namespace ilab {

// Resource paths of the bundled copies.
QString goodsResourcePath(); // ":/reference/ilab/goods_2021.csv"
QString countriesResourcePath(); // ":/reference/ilab/countries_2021_summary.csv"

DatasetInfo goodsDataset(const QDateTime& loadedAt); // id "ilab_goods_2022"
DatasetInfo findingsDataset(const QDateTime& loadedAt); // id "ilab_findings_2022"

// Adds the goods list (good x country listings, and per-country counts of goods listed for forced labour and
// child labour as signals) to `ref`. Country names are resolved with Countries (the one alias table); names
// that do not resolve are skipped and appended to *unresolved. Fails on a malformed file.
Status loadGoods(ReferenceData& ref, const QByteArray& csv, const DatasetInfo& dataset,
                 QStringList* unresolved = nullptr);
// Adds the advancement level of the Findings on the Worst Forms of Child Labor as "ilab_advancement" signals.
Status loadFindings(ReferenceData& ref, const QByteArray& csv, const DatasetInfo& dataset,
                    QStringList* unresolved = nullptr);

} // namespace ilab

// The reference data Vigil ships: both ILAB datasets, and the ISO 3166-1 codes as known countries.
// Unresolved ILAB country names (should be none) are appended to *unresolved.
Result<ReferenceData> loadBundledReferenceData(const QDateTime& loadedAt, QStringList* unresolved = nullptr);

} // namespace vigil
