#include "risk/scorejob.h"

#include "risk/riskengine.h"
#include "risk/riskrepository.h"
#include "risk/scorestore.h"
#include "storage/database.h"

#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <future>
#include <memory>
#include <vector>

namespace vigil {

namespace {

bool cancelled(const ScoreJobOptions& o)
{
    return o.cancel && o.cancel->load();
}

// One chunk of inputs being evaluated on worker threads (slices of the chunk, one thread each).
template <typename Item>
struct Batch
{
    QList<SupplierRiskInput> inputs;
    std::vector<Item> items;
    std::vector<std::future<void>> running;
    void wait()
    {
        for (auto& f : running)
            f.get();
        running.clear();
    }
};

// Reads every supplier's input in chunks; while the workers evaluate chunk k+1, the calling thread consumes chunk k
// (stores it). At most two chunks are in memory.
template <typename Item>
Status pipeline(Database& db, const ScoreJobOptions& o, const std::function<Item(const SupplierRiskInput&)>& eval,
                const std::function<Status(Batch<Item>&)>& consume)
{
    const int threads = std::max(1, o.threads > 0 ? o.threads : QThread::idealThreadCount());
    const int chunkSize = std::max(1, o.chunkSize);
    std::unique_ptr<Batch<Item>> pending;
    const auto finishPending = [&]() -> Status {
        if (!pending)
            return {};
        pending->wait();
        std::unique_ptr<Batch<Item>> done = std::move(pending);
        return consume(*done);
    };
    Status read = RiskRepository(db).forEachInputChunk(chunkSize, [&](QList<SupplierRiskInput>& chunk) -> Status {
        if (cancelled(o))
            return makeError(scoreJobCancelledMessage());
        auto batch = std::make_unique<Batch<Item>>();
        batch->inputs = std::move(chunk);
        chunk = QList<SupplierRiskInput>();
        chunk.reserve(chunkSize);
        batch->items.resize(size_t(batch->inputs.size()));
        const qsizetype n = batch->inputs.size();
        const qsizetype slice = (n + threads - 1) / threads;
        Batch<Item>* b = batch.get();
        for (qsizetype from = 0; from < n; from += slice) {
            const qsizetype to = std::min(n, from + slice);
            b->running.push_back(std::async(std::launch::async, [b, from, to, &eval] {
                for (qsizetype i = from; i < to; ++i)
                    b->items[size_t(i)] = eval(b->inputs.at(i));
            }));
        }
        Status st = finishPending();
        pending = std::move(batch);
        if (!st)
            pending->wait();
        return st;
    });
    if (!read) {
        if (pending)
            pending->wait();
        return read;
    }
    if (cancelled(o)) {
        if (pending)
            pending->wait();
        return makeError(scoreJobCancelledMessage());
    }
    return finishPending();
}

struct Scored
{
    RiskResult result;
    EncodedScore encoded;
};

Result<qint64> supplierCount(Database& db)
{
    QSqlQuery q(db.db());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM suppliers")) || !q.next())
        return Database::queryError(QStringLiteral("The suppliers could not be counted."), q);
    return q.value(0).toLongLong();
}

} // namespace

QString scoreJobCancelledMessage()
{
    return QStringLiteral("Cancelled.");
}

Result<ScoreJobSummary> scoreWorkspace(Database& db, const ScoringContext& context, const QDateTime& now,
                                       const ScoreJobOptions& o)
{
    const Methodology& m = context.methodology;
    const ReferenceData& ref = context.reference;
    ScoreJobSummary summary;
    const auto store = [&](ScoreWriter& writer, const Scored& s) -> Status {
        auto changed = writer.write(s.result, s.encoded);
        if (!changed)
            return changed.error();
        ++summary.scored;
        summary.changed += *changed ? 1 : 0;
        ++summary.perTier[size_t(s.result.tier)];
        return {};
    };

    if (!o.supplierId.isEmpty()) {
        auto in = RiskRepository(db).input(o.supplierId);
        if (!in)
            return in.error();
        Scored s;
        s.result = RiskEngine::evaluate(*in, m, ref, now);
        s.encoded = encodeScore(s.result, &*in);
        const Status st = db.transaction([&]() -> Status {
            ScoreWriter writer(db);
            if (Status b = writer.begin(m, ref.datasets(), now); !b)
                return b;
            summary.basisId = writer.basisId();
            if (cancelled(o))
                return makeError(scoreJobCancelledMessage());
            return store(writer, s);
        });
        if (!st)
            return st.error();
        if (o.progress)
            o.progress(1, 1);
        if (o.onResult)
            o.onResult(s.result);
        return summary;
    }

    auto total = supplierCount(db);
    if (!total)
        return total.error();
    // onResult sees each result once stored inside the transaction; if the job then fails, it returns the error
    // and the workspace is unchanged.
    const Status st = db.transaction([&]() -> Status {
        ScoreWriter writer(db);
        if (Status b = writer.begin(m, ref.datasets(), now); !b)
            return b;
        summary.basisId = writer.basisId();
        const std::function<Scored(const SupplierRiskInput&)> eval = [&](const SupplierRiskInput& in) {
            Scored s;
            s.result = RiskEngine::evaluate(in, m, ref, now);
            s.encoded = encodeScore(s.result, &in);
            return s;
        };
        const std::function<Status(Batch<Scored>&)> consume = [&](Batch<Scored>& batch) -> Status {
            for (const Scored& s : batch.items) {
                if (Status w = store(writer, s); !w)
                    return w;
                if (o.onResult)
                    o.onResult(s.result);
            }
            if (o.progress)
                o.progress(summary.scored, std::max(*total, summary.scored));
            if (cancelled(o))
                return makeError(scoreJobCancelledMessage());
            return {};
        };
        if (Status p = pipeline(db, o, eval, consume); !p)
            return p;
        if (cancelled(o))
            return makeError(scoreJobCancelledMessage());
        return writer.removeUnusedParts();
    });
    if (!st)
        return st.error();
    return summary;
}

Status evaluateWorkspace(Database& db, const QList<const Methodology*>& methodologies, const ReferenceData& reference,
                         const QDateTime& now, const std::function<void(const QList<RiskResult>& results)>& sink,
                         const ScoreJobOptions& o)
{
    auto total = supplierCount(db);
    if (!total)
        return total.error();
    qint64 done = 0;
    const std::function<QList<RiskResult>(const SupplierRiskInput&)> eval = [&](const SupplierRiskInput& in) {
        QList<RiskResult> results;
        for (const Methodology* m : methodologies)
            results.append(RiskEngine::evaluate(in, *m, reference, now));
        return results;
    };
    const std::function<Status(Batch<QList<RiskResult>>&)> consume = [&](Batch<QList<RiskResult>>& batch) -> Status {
        for (const QList<RiskResult>& r : batch.items)
            sink(r);
        done += qint64(batch.items.size());
        if (o.progress)
            o.progress(done, std::max(*total, done));
        if (cancelled(o))
            return makeError(scoreJobCancelledMessage());
        return {};
    };
    // No transaction needed: the three reading cursors are open together, so they share one read snapshot.
    return pipeline(db, o, eval, consume);
}

} // namespace vigil
