// The BrokerConsole module.
