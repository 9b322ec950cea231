// The TimeBankStore module.
