using GradingEngine.Fuzz;
using SharpFuzz;

// grading-fuzz TARGET [--libfuzzer | --replay FILE...]: see docs/fuzzing.md.
if (args.Length == 0 || !FuzzTarget.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: GradingEngine.Fuzz {string.Join("|", FuzzTarget.Names)} [--libfuzzer | --replay FILE...]");
    return 2;
}
var target = args[0];
// Instrumented code must not run before the fuzzer has set up its coverage map: the target is made on the first input.
FuzzTarget? fuzz = null;
switch (args.Skip(1).FirstOrDefault())
{
    case "--libfuzzer":
        Fuzzer.LibFuzzer.Run(input => (fuzz ??= new FuzzTarget()).Run(target, input));
        break;
    case "--replay":
        // Reproduce a crash, or smoke-test the harness on a corpus, without a fuzzer.
        fuzz = new FuzzTarget();
        foreach (var file in args.Skip(2))
        {
            fuzz.Run(target, File.ReadAllBytes(file));
            Console.WriteLine($"ok {file}");
        }
        break;
    default:
        // afl-fuzz (AFL++) drives this process through SharpFuzz's fork server, one input per run on standard input.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            (fuzz ??= new FuzzTarget()).Run(target, memory.ToArray());
        });
        break;
}
fuzz?.Dispose();
return 0;
