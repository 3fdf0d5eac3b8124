from facilitator.cli.main import run

run()
