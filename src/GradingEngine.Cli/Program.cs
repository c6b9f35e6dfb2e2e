using GradingEngine.Cli;

Console.OutputEncoding = new System.Text.UTF8Encoding(false);
return GradingCli.Run(args, Console.Out, Console.Error);
