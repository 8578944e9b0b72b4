#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace vigil {

// Hands batches of items from one producer thread to one consumer, holding at most `capacity` batches (memory does
// not grow with the file). close() ends it from either side: the consumer's pop() returns false once what was
// pushed is taken, the producer's push() returns false at once.
template <typename T>
class RowQueue
{
public:
    explicit RowQueue(size_t capacity)
        : m_capacity(capacity)
    {
    }

    bool push(std::vector<T>&& batch)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_closed || m_batches.size() < m_capacity; });
        if (m_closed)
            return false;
        m_batches.push_back(std::move(batch));
        m_notEmpty.notify_one();
        return true;
    }

    // The next batch; false when the queue is closed and empty.
    bool pop(std::vector<T>& batch)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return m_closed || !m_batches.empty(); });
        if (m_batches.empty())
            return false;
        batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_notFull.notify_one();
        return true;
    }

    void close()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
        m_notFull.notify_all();
    }

private:
    const size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<std::vector<T>> m_batches;
    bool m_closed = false;
};

} // namespace vigil
