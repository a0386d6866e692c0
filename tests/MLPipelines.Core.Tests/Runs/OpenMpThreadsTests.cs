using MLPipelines.Core.Runs;

namespace MLPipelines.Core.Tests.Runs;

public sealed class OpenMpThreadsTests
{
    [Fact]
    public void Run_CallsFromChangingThreadsOneAfterAnother_AllRunOnOneThread()
    {
        var threads = new OpenMpThreads();
        var ran = new List<int>();
        var callers = new List<int>();

        for (var i = 0; i < 6; i++)
        {
            var caller = new Thread(() =>
            {
                lock (callers)
                {
                    callers.Add(Environment.CurrentManagedThreadId);
                }

                ran.Add(threads.Run(() => Environment.CurrentManagedThreadId));
            });
            caller.Start();
            caller.Join();
        }

        Assert.Single(ran.Distinct());
        Assert.DoesNotContain(ran[0], callers);
        Assert.Equal(1, threads.ThreadCount);
    }

    [Fact]
    public async Task Run_TwoCallsAtOnce_RunTogetherOnTwoThreads()
    {
        var threads = new OpenMpThreads();
        using var bothInside = new Barrier(2);

        var calls = await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => threads.Run(() => (Met: bothInside.SignalAndWait(TimeSpan.FromSeconds(20)), Thread: Environment.CurrentManagedThreadId)))));

        Assert.All(calls, c => Assert.True(c.Met));
        Assert.NotEqual(calls[0].Thread, calls[1].Thread);
        Assert.Equal(2, threads.ThreadCount);
    }

    [Fact]
    public async Task Run_AfterConcurrentCalls_SequentialCallsGoBackToTheFirstThread()
    {
        var threads = new OpenMpThreads();
        var first = threads.Run(() => Environment.CurrentManagedThreadId);
        using (var bothInside = new Barrier(2))
        {
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => threads.Run(() => bothInside.SignalAndWait(TimeSpan.FromSeconds(20))))));
        }

        var later = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            later.Add(await Task.Run(() => threads.Run(() => Environment.CurrentManagedThreadId)));
        }

        Assert.All(later, id => Assert.Equal(first, id));
    }

    [Fact]
    public void Run_CallFromInsideALane_RunsInline()
    {
        var threads = new OpenMpThreads();

        var (outer, inner) = threads.Run(() => (Environment.CurrentManagedThreadId, threads.Run(() => Environment.CurrentManagedThreadId)));

        Assert.Equal(outer, inner);
        Assert.Equal(1, threads.ThreadCount);
    }

    [Fact]
    public void Run_WorkThrows_CallerGetsTheSameExceptionAndTheLaneStaysUsable()
    {
        var threads = new OpenMpThreads();

        var error = Assert.Throws<InvalidDataException>(() => threads.Run(new Func<int>(() => throw new InvalidDataException("bad rows"))));

        Assert.Equal("bad rows", error.Message);
        Assert.Contains(nameof(Run_WorkThrows_CallerGetsTheSameExceptionAndTheLaneStaysUsable), error.StackTrace, StringComparison.Ordinal);
        Assert.Equal(42, threads.Run(() => 42));
        Assert.Equal(1, threads.ThreadCount);
    }
}
