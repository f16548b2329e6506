using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace CardGen.Emulator;

/// <summary>
/// The bounded record of posts: a ring of the newest <see cref="HookEmulatorOptions.MaxRecordedPosts"/>, counters of
/// everything ever received, waiters for tests and subscribers for the live event stream. The lock is held only
/// to put a post into the ring.
/// </summary>
internal sealed class PostStore
{
    private readonly object _gate = new();
    private readonly RecordedPost?[] _ring;
    private readonly long _maxBytes;
    private readonly List<Waiter> _waiters = new();
    private readonly ConcurrentDictionary<long, Channel<RecordedPost>> _subscribers = new();
    private long _next; // ring position of the next post
    private long _count; // posts in the ring
    private long _bytes; // the approximate memory the posts in the ring hold
    private long _seq;
    private long _accepted;
    private long _rejected;
    private long _faulted;
    private long _subscriberIds;
    private Action<RecordedPost>[] _observers = Array.Empty<Action<RecordedPost>>();

    public PostStore(int capacity, long maxBytes)
    {
        _ring = new RecordedPost?[Math.Max(1, capacity)];
        _maxBytes = maxBytes;
    }

    /// <summary>The approximate memory the recorded posts hold.</summary>
    public long RecordedBytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public long Total => Interlocked.Read(ref _seq);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Faulted => Interlocked.Read(ref _faulted);

    public long NextSeq() => Interlocked.Increment(ref _seq);

    public void Add(RecordedPost post)
    {
        switch (post.Verdict)
        {
            case PostVerdict.Accepted:
                Interlocked.Increment(ref _accepted);
                break;
            case PostVerdict.Rejected:
                Interlocked.Increment(ref _rejected);
                break;
            default:
                Interlocked.Increment(ref _faulted);
                break;
        }

        Waiter[]? waiters = null;
        lock (_gate)
        {
            if (_count == _ring.Length)
            {
                DropOldest();
            }

            _ring[_next % _ring.Length] = post;
            _next++;
            _count++;
            _bytes += post.ApproximateBytes;
            while (_bytes > _maxBytes && _count > 1)
            {
                DropOldest();
            }
            if (_waiters.Count > 0)
            {
                waiters = _waiters.ToArray();
            }
        }

        if (waiters is not null)
        {
            foreach (var waiter in waiters)
            {
                if (waiter.Matches(post))
                {
                    lock (_gate)
                    {
                        _waiters.Remove(waiter);
                    }

                    waiter.Completion.TrySetResult(post);
                }
            }
        }

        foreach (var observer in Volatile.Read(ref _observers))
        {
            try
            {
                observer(post);
            }
            catch (Exception)
            {
                // An observer's failure is its own; the post is recorded and answered regardless.
            }
        }

        foreach (var subscriber in _subscribers.Values)
        {
            subscriber.Writer.TryWrite(post);
        }
    }

    public IDisposable Observe(Action<RecordedPost> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Observation(this, observer);
    }

    private sealed class Observation : IDisposable
    {
        private PostStore? _store;
        private readonly Action<RecordedPost> _observer;

        public Observation(PostStore store, Action<RecordedPost> observer)
        {
            _store = store;
            _observer = observer;
        }

        public void Dispose()
        {
            var store = Interlocked.Exchange(ref _store, null);
            if (store is null)
            {
                return;
            }

            lock (store._gate)
            {
                var list = new List<Action<RecordedPost>>(store._observers);
                list.Remove(_observer);
                store._observers = list.ToArray();
            }
        }
    }

    /// <summary>The recorded posts ordered by <see cref="RecordedPost.Seq"/>, oldest first.</summary>
    public RecordedPost[] Snapshot()
    {
        RecordedPost[] posts;
        lock (_gate)
        {
            posts = new RecordedPost[_count];
            var start = _next - _count;
            for (long i = 0; i < _count; i++)
            {
                posts[i] = _ring[(start + i) % _ring.Length]!;
            }
        }

        // Posts enter the ring when answered, so a delayed post may sit after a later one.
        Array.Sort(posts, static (a, b) => a.Seq.CompareTo(b.Seq));
        return posts;
    }

    public RecordedPost? Find(long seq)
    {
        lock (_gate)
        {
            var start = _next - _count;
            for (long i = 0; i < _count; i++)
            {
                var post = _ring[(start + i) % _ring.Length]!;
                if (post.Seq == seq)
                {
                    return post;
                }
            }
        }

        return null;
    }

    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _next = 0;
            _count = 0;
            _bytes = 0;
        }
    }

    private void DropOldest()
    {
        var index = (_next - _count) % _ring.Length;
        _bytes -= _ring[index]!.ApproximateBytes;
        _ring[index] = null;
        _count--;
    }

    public async Task<RecordedPost> WaitAsync(Func<RecordedPost, bool>? match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(match);
        lock (_gate)
        {
            var start = _next - _count;
            for (long i = 0; i < _count; i++)
            {
                var post = _ring[(start + i) % _ring.Length]!;
                if (waiter.Matches(post))
                {
                    return post;
                }
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"No matching post arrived within {timeout.TotalSeconds} s; {Total} post(s) were received in all.", e);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    public Subscription Subscribe()
    {
        var id = Interlocked.Increment(ref _subscriberIds);
        var channel = Channel.CreateBounded<RecordedPost>(new BoundedChannelOptions(1000)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        _subscribers[id] = channel;
        return new Subscription(this, id, channel.Reader);
    }

    public int SubscriberCount => _subscribers.Count;

    internal sealed class Subscription : IDisposable
    {
        private readonly PostStore _store;
        private readonly long _id;

        public Subscription(PostStore store, long id, ChannelReader<RecordedPost> reader)
        {
            _store = store;
            _id = id;
            Reader = reader;
        }

        public ChannelReader<RecordedPost> Reader { get; }

        public void Dispose()
        {
            if (_store._subscribers.TryRemove(_id, out var channel))
            {
                channel.Writer.TryComplete();
            }
        }
    }

    private sealed class Waiter
    {
        private readonly Func<RecordedPost, bool>? _match;

        public Waiter(Func<RecordedPost, bool>? match) => _match = match;

        public TaskCompletionSource<RecordedPost> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(RecordedPost post)
        {
            try
            {
                return _match is null || _match(post);
            }
            catch (Exception e)
            {
                Completion.TrySetException(e);
                return false;
            }
        }
    }
}
